import { describe, expect, it } from "vitest";
import {
  computeProgress,
  countWords,
  readingOf,
  type ReadingBounds,
  type WorkItem,
} from "@/lib/assignments/progress";
import { progressCsv } from "@/lib/assignments/progress-csv";
import { isTimeZone, utcToZonedTime, zonedTimeToUtc } from "@/lib/assignments/zoned-time";

const OPENS = new Date("2026-12-01T08:00:00Z");
const DUE = new Date("2026-12-08T08:00:00Z");
const READINGS: ReadingBounds[] = [
  { sourceId: "note", ranges: new Map([["note-e1", { start: 100, end: 200 }]]) },
  { sourceId: "kuty", ranges: null },
];
const REQUIREMENTS = { minAnnotations: 1, minReplies: 1, minQuestions: 0, inEachReading: false };

function item(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    authorId: "ann",
    reply: false,
    question: false,
    sourceId: "note",
    editionId: "note-e1",
    start: 120,
    end: 130,
    words: 3,
    createdAt: new Date("2026-12-02T08:00:00Z"),
    ...overrides,
  };
}

function progress(
  work: WorkItem[],
  options: { now?: Date; extensions?: Map<string, Date>; inEach?: boolean } = {},
) {
  return computeProgress({
    students: [{ userId: "ann", name: "Anna Wiśniewska" }],
    readings: READINGS,
    requirements: { ...REQUIREMENTS, inEachReading: options.inEach ?? false },
    opensAt: OPENS,
    dueAt: DUE,
    extensions: options.extensions ?? new Map(),
    work,
    now: options.now ?? new Date("2026-12-03T08:00:00Z"),
  })[0]!;
}

describe("readingOf", () => {
  it.each([
    ["inside the range", item(), 0],
    ["overlapping its start", item({ start: 90, end: 101 }), 0],
    ["ending where the range starts", item({ start: 90, end: 100 }), -1],
    ["starting where the range ends", item({ start: 200, end: 210 }), -1],
    ["in an edition the range does not reach", item({ editionId: "note-e2" }), -1],
    ["anywhere in a whole source", item({ sourceId: "kuty", editionId: "k1", start: 5000, end: 5001 }), 1],
    ["in a source not assigned", item({ sourceId: "pact" }), -1],
  ])("%s", (_name, work, expected) => {
    expect(readingOf(work, READINGS)).toBe(expected);
  });
});

describe("computeProgress", () => {
  it("is not started with no work, in progress with some, complete when the requirements are met on time", () => {
    expect(progress([]).status).toBe("notStarted");
    expect(progress([item()]).status).toBe("inProgress");
    expect(progress([item(), item({ reply: true })]).status).toBe("complete");
  });

  it("counts work after the due date and marks it late; exactly at the due time is on time", () => {
    const late = item({ reply: true, createdAt: new Date(DUE.getTime() + 1) });
    const row = progress([item(), late], { now: new Date("2026-12-09T08:00:00Z") });
    expect([row.replies, row.lateItems, row.status]).toEqual([1, 1, "late"]);
    const atDue = progress([item(), item({ reply: true, createdAt: DUE })], {
      now: new Date("2026-12-09T08:00:00Z"),
    });
    expect([atDue.lateItems, atDue.status]).toEqual([0, "complete"]);
  });

  it("uses the student's extension as their due date", () => {
    const extensions = new Map([["ann", new Date("2026-12-10T08:00:00Z")]]);
    const work = [item(), item({ reply: true, createdAt: new Date("2026-12-09T08:00:00Z") })];
    const row = progress(work, { now: new Date("2026-12-09T09:00:00Z"), extensions });
    expect([row.lateItems, row.status, row.extended]).toEqual([0, "complete", true]);
  });

  it("is late once the due date passed without the requirements met, even with nothing posted", () => {
    expect(progress([], { now: new Date("2026-12-09T08:00:00Z") }).status).toBe("late");
  });

  it("ignores work before opening and outside the readings", () => {
    const row = progress([
      item({ createdAt: new Date("2026-11-30T08:00:00Z") }),
      item({ start: 300, end: 310 }),
    ]);
    expect([row.annotations, row.status, row.lastActivityAt]).toEqual([0, "notStarted", null]);
  });

  it("asks for the minimums in each reading when told so", () => {
    const work = [item(), item({ reply: true })];
    expect(progress(work, { inEach: true }).status).toBe("inProgress");
    const both = [
      ...work,
      item({ sourceId: "kuty", editionId: "k1" }),
      item({ sourceId: "kuty", editionId: "k1", reply: true }),
    ];
    expect(progress(both, { inEach: true }).status).toBe("complete");
    expect(progress(both, { inEach: true }).perReading).toEqual([
      { annotations: 1, replies: 1, questions: 0 },
      { annotations: 1, replies: 1, questions: 0 },
    ]);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["Pakt został podpisany w Moskwie.", 5],
    ["Ribbentrop-Mołotow's pact — 1939", 3],
  ])("%j has %i words", (text, words) => expect(countWords(text)).toBe(words));
});

describe("progressCsv", () => {
  it("starts with a BOM, keeps Polish names, quotes separators and defuses formulas", () => {
    const row = { ...progress([item()]), name: 'Łucja "Łu" Żółć, =cmd' };
    const csv = progressCsv([row], ["Student", "A", "R", "Q", "W", "L", "S", "D", "X"], (s) => `status:${s}`);
    expect(csv.startsWith("\ufeffStudent,A,")).toBe(true);
    const line = csv.split("\r\n")[1]!;
    expect(
      line.startsWith('"Łucja ""Łu"" Żółć, =cmd",1,0,0,3,0,status:inProgress,2026-12-08T08:00:00.000Z,'),
    ).toBe(true);
    const formula = progressCsv([{ ...row, name: "=HYPERLINK()" }], ["n"], String).split("\r\n")[1]!;
    expect(formula.startsWith("'=HYPERLINK()")).toBe(true);
  });
});

describe("zoned time", () => {
  it.each([
    ["2026-12-05T10:00", "Europe/Warsaw", "2026-12-05T09:00:00.000Z"],
    ["2026-07-05T10:00", "Europe/Warsaw", "2026-07-05T08:00:00.000Z"],
    ["2026-07-05T10:00", "America/New_York", "2026-07-05T14:00:00.000Z"],
    ["2026-03-29T02:30", "Europe/Warsaw", "2026-03-29T01:30:00.000Z"],
    ["2026-12-05T10:00", "UTC", "2026-12-05T10:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, utc) => {
    expect(zonedTimeToUtc(local, zone)?.toISOString()).toBe(utc);
    if (!local.includes("T02:30")) expect(utcToZonedTime(new Date(utc), zone)).toBe(local);
  });

  it.each([["2026-02-30T10:00"], ["2026-12-05 10:00"], ["2026-12-05T24:00"], ["x"]])(
    "refuses %j",
    (local) => {
      expect(zonedTimeToUtc(local, "UTC")).toBeNull();
    },
  );

  it("knows IANA zones only", () => {
    expect(isTimeZone("Europe/Warsaw")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
