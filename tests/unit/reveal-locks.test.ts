import { describe, expect, it } from "vitest";
import { lockedReadings } from "@/lib/assignments/reveal";

describe("which readings reveal after posting still locks", () => {
  it.each([
    { posted: [0], required: 1, each: false, locked: [true] },
    { posted: [1], required: 1, each: false, locked: [false] },
    { posted: [2, 0], required: 3, each: false, locked: [true, true] },
    { posted: [2, 1], required: 3, each: false, locked: [false, false] },
    { posted: [3, 0], required: 3, each: true, locked: [false, true] },
    { posted: [2, 5], required: 3, each: true, locked: [true, false] },
    // A minimum of 0 (stored before the form refused it) counts as 1: reveal always asks for a note.
    { posted: [0, 0], required: 0, each: false, locked: [true, true] },
    { posted: [1, 0], required: 0, each: true, locked: [false, true] },
  ])("$posted of $required (each reading: $each) → $locked", ({ posted, required, each, locked }) => {
    expect(lockedReadings(posted, required, each)).toEqual(locked);
  });
});
