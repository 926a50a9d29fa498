/**
 * What each student posted for an assignment, counted against its requirements. Pure: the service
 * (get-assignment-progress.ts) reads the rows, this decides what counts.
 *
 * Rules: only work inside an assigned reading counts (a whole source, or an annotation whose passage
 * overlaps the assigned sentences in its own edition; a reply where its thread's passage is), posted
 * at or after `opensAt`. Work after the student's due date (theirs with an extension) counts and is
 * marked late. Requirements are met on time only by work posted by the due date.
 */

export type AssignmentStatus = "notStarted" | "inProgress" | "complete" | "late";

export interface Requirements {
  minAnnotations: number;
  minReplies: number;
  minQuestions: number;
  /** The minimums hold in each reading rather than across all of them. */
  inEachReading: boolean;
}

/** A reading's place: a source, and per edition the offsets of the assigned sentences (null: whole). */
export interface ReadingBounds {
  sourceId: string;
  /** editionId → [start, end) of the assigned sentences in that edition; null for a whole source. */
  ranges: ReadonlyMap<string, { start: number; end: number }> | null;
}

/** One annotation (thread root) or reply a student posted; a reply carries its thread's passage. */
export interface WorkItem {
  authorId: string;
  reply: boolean;
  question: boolean;
  sourceId: string;
  editionId: string;
  start: number | null;
  end: number | null;
  words: number;
  createdAt: Date;
}

export interface Counts {
  annotations: number;
  replies: number;
  questions: number;
}

export interface StudentProgress extends Counts {
  userId: string;
  name: string;
  words: number;
  /** Counted items posted after the student's due date. */
  lateItems: number;
  dueAt: Date;
  extended: boolean;
  status: AssignmentStatus;
  lastActivityAt: Date | null;
  /** Counts per reading, in the readings' order. */
  perReading: Counts[];
}

/** The index of the first reading `item` falls in, or -1. */
export function readingOf(item: WorkItem, readings: readonly ReadingBounds[]): number {
  return readings.findIndex((reading) => {
    if (reading.sourceId !== item.sourceId) return false;
    if (reading.ranges === null) return true;
    const range = reading.ranges.get(item.editionId);
    if (!range || item.start === null || item.end === null) return false;
    // Overlap: a passage that touches the assigned sentences counts; an empty one at a boundary too.
    return (
      item.start < range.end &&
      (item.end > range.start || (item.start === item.end && item.start >= range.start))
    );
  });
}

/** Words in a text: runs of letters or digits (a Polish "w" counts as one). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const ZERO: Counts = { annotations: 0, replies: 0, questions: 0 };

function add(counts: Counts, item: WorkItem): Counts {
  return {
    annotations: counts.annotations + (item.reply ? 0 : 1),
    replies: counts.replies + (item.reply ? 1 : 0),
    questions: counts.questions + (!item.reply && item.question ? 1 : 0),
  };
}

/** Whether counts meet the minimums. */
export function meets(counts: Counts, requirements: Requirements): boolean {
  return (
    counts.annotations >= requirements.minAnnotations &&
    counts.replies >= requirements.minReplies &&
    counts.questions >= requirements.minQuestions
  );
}

/** Whether the requirements are met by these counts (in total, or in each reading's). */
export function requirementsMet(total: Counts, perReading: readonly Counts[], requirements: Requirements) {
  return requirements.inEachReading
    ? perReading.every((counts) => meets(counts, requirements))
    : meets(total, requirements);
}

/**
 * Each student's progress. `extensions` maps a student's id to their own due date; `now` decides
 * whether the due date has passed.
 */
export function computeProgress(input: {
  students: readonly { userId: string; name: string }[];
  readings: readonly ReadingBounds[];
  requirements: Requirements;
  opensAt: Date;
  dueAt: Date;
  extensions: ReadonlyMap<string, Date>;
  work: readonly WorkItem[];
  now: Date;
}): StudentProgress[] {
  const byStudent = new Map<string, WorkItem[]>();
  for (const item of input.work) {
    const list = byStudent.get(item.authorId);
    if (list) list.push(item);
    else byStudent.set(item.authorId, [item]);
  }
  return input.students.map(({ userId, name }) => {
    const dueAt = input.extensions.get(userId) ?? input.dueAt;
    let total = ZERO;
    let onTime = ZERO;
    const perReading = input.readings.map(() => ZERO);
    const perReadingOnTime = input.readings.map(() => ZERO);
    let words = 0;
    let lateItems = 0;
    let lastActivityAt: Date | null = null;
    for (const item of byStudent.get(userId) ?? []) {
      if (item.createdAt < input.opensAt) continue;
      const reading = readingOf(item, input.readings);
      if (reading < 0) continue;
      const late = item.createdAt > dueAt;
      total = add(total, item);
      perReading[reading] = add(perReading[reading]!, item);
      if (late) lateItems += 1;
      else {
        onTime = add(onTime, item);
        perReadingOnTime[reading] = add(perReadingOnTime[reading]!, item);
      }
      words += item.words;
      if (!lastActivityAt || item.createdAt > lastActivityAt) lastActivityAt = item.createdAt;
    }
    const posted = total.annotations + total.replies > 0;
    let status: AssignmentStatus;
    if (requirementsMet(onTime, perReadingOnTime, input.requirements) && posted) status = "complete";
    else if (input.now > dueAt) status = "late";
    else status = posted ? "inProgress" : "notStarted";
    return {
      userId,
      name,
      ...total,
      words,
      lateItems,
      dueAt,
      extended: input.extensions.has(userId),
      status,
      lastActivityAt,
      perReading,
    };
  });
}
