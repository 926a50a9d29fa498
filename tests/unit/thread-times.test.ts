import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ThreadTimes } from "@/lib/annotations/index/thread-times";

const id = fc.constantFrom(...Array.from({ length: 400 }, (_, i) => `t${i}`));
const step = fc.record({
  gone: fc.array(id, { maxLength: 6 }),
  set: fc.array(fc.tuple(id, fc.integer({ min: 0, max: 1e12 })), { maxLength: 20 }),
});

describe("ThreadTimes", () => {
  it("after any steps, holds exactly what a plain map would, and the parts it came from are unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.nat()), { maxLength: 40 }),
        fc.array(step, { maxLength: 400 }),
        (start, steps) => {
          let times = ThreadTimes.of(start);
          const expected = new Map(start);
          const earlier: [ThreadTimes, Map<string, number>][] = [];
          for (const { gone, set } of steps) {
            earlier.push([times, new Map(expected)]);
            times = times.with(gone, set);
            for (const g of gone) expected.delete(g);
            for (const [key, time] of set) expected.set(key, time);
          }
          expect(new Map(times.entries())).toEqual(expected);
          expect(times.size).toBe(expected.size);
          for (const key of ["t0", "t7", "t39"]) {
            expect(times.get(key)).toBe(expected.get(key));
            expect(times.has(key)).toBe(expected.has(key));
          }
          for (const [before, held] of earlier.slice(-5)) expect(new Map(before.entries())).toEqual(held);
        },
      ),
    );
  });

  it("folds a long run of changes into one map and still holds each time", () => {
    const start = Array.from({ length: 2_000 }, (_, i) => [`t${i}`, i] as const);
    let times = ThreadTimes.of(start);
    for (let i = 0; i < 1_000; i++) times = times.with([`t${i}`], [[`n${i}`, 10_000 + i]]);
    expect(times.size).toBe(2_000);
    expect(times.has("t999")).toBe(false);
    expect(times.get("t1000")).toBe(1_000);
    expect(times.get("n999")).toBe(10_999);
    expect(Math.max(...times.values())).toBe(10_999);
  });
});
