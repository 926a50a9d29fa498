import { describe, expect, it } from "vitest";
import { changesToCatchUp } from "@/lib/annotations/index/catch-up";

/** A live event from shared state `from` to `to`, with or without its changes. */
const heard = (version: string, from: string, to: string, sent = true) => ({
  version,
  changes: sent ? { from, base: to, name: `${from}>${to}` } : null,
});
const names = (plan: ReturnType<typeof changesToCatchUp<{ from: string; base: string; name: string }>>) =>
  plan && { apply: plan.apply.map((changes) => changes.name), version: plan.version };

describe("catching up with the versions heard while the index was fetched", () => {
  it("has nothing to do when nothing was heard, or the answer is the last version heard", () => {
    expect(changesToCatchUp("v1", "a", [])).toEqual({ apply: [], version: "v1" });
    expect(names(changesToCatchUp("v2", "b", [heard("v1", "0", "a"), heard("v2", "a", "b")]))).toEqual({
      apply: [],
      version: "v2",
    });
  });

  it("applies, in order, the changes the answer does not hold yet", () => {
    const events = [heard("v1", "a", "b"), heard("v2", "b", "c"), heard("v3", "c", "d")];
    // The answer was read before any of them…
    expect(names(changesToCatchUp("v0", "a", events))).toEqual({
      apply: ["a>b", "b>c", "c>d"],
      version: "v3",
    });
    // …or holds the first already.
    expect(names(changesToCatchUp("v1", "b", events))).toEqual({ apply: ["b>c", "c>d"], version: "v3" });
  });

  it("fetches again when an event came without its changes, or they do not lead on from the answer", () => {
    expect(changesToCatchUp("v0", "a", [heard("v1", "a", "b"), heard("v2", "b", "c", false)])).toBeNull();
    // A state between the events (the answer read while one was on its way): not guessed.
    expect(changesToCatchUp("v9", "x", [heard("v1", "a", "b"), heard("v2", "b", "c")])).toBeNull();
    // A gap in the chain.
    expect(changesToCatchUp("v0", "a", [heard("v1", "a", "b"), heard("v3", "c", "d")])).toBeNull();
    // An index without a shared state (a whole one from an older server): nothing to chain from.
    expect(changesToCatchUp("v0", undefined, [heard("v1", "a", "b")])).toBeNull();
  });

  it("lets an event the answer already holds stand without its changes", () => {
    expect(names(changesToCatchUp("v1", "b", [heard("v1", "a", "b", false), heard("v2", "b", "c")]))).toEqual(
      {
        apply: ["b>c"],
        version: "v2",
      },
    );
  });

  it("catches up an answer in a state the heard changes pass on their way", () => {
    const passing = { version: "v2", changes: { from: "a", via: ["b"], base: "c", name: "a>c" } };
    expect(names(changesToCatchUp("v1", "b", [passing]))).toEqual({ apply: ["a>c"], version: "v2" });
    expect(changesToCatchUp("v1", "x", [passing])).toBeNull();
  });
});
