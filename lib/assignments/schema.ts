import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";
import { isTimeZone } from "./zoned-time.ts";

/** Inputs of assignment actions, shared by the forms and the server. Messages are i18n keys under "errors". */

/** Readings per assignment: a seminar's week rarely spans more. */
export const MAX_READINGS = 20;
/** The largest minimum of any requirement. */
export const MAX_REQUIREMENT = 100;
/** A discussion needs two students at least. */
export const MIN_DISCUSSION_GROUP = 2;
/** A bound far above any seminar (the class's own size is checked against the group). */
export const MAX_DISCUSSION_GROUP = 1000;

/** A form's JSON field (readings, instructions) parsed, or the value itself when it is not a string. */
function jsonField(error: string) {
  return (value: unknown, context: z.RefinementCtx) => {
    if (typeof value !== "string") return value;
    if (value.trim() === "") return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: error });
      return z.NEVER;
    }
  };
}

const sentence = z.coerce
  .number({ error: "rangeInvalid" })
  .int({ error: "rangeInvalid" })
  .min(1, { error: "rangeInvalid" })
  .max(100_000, { error: "rangeInvalid" });

export const ReadingInputSchema = z
  .object(
    {
      source: text("readingSourceInvalid")
        .max(200, "readingSourceInvalid")
        .regex(SOURCE_SLUG_PATTERN, "readingSourceInvalid"),
      firstSentence: z.preprocess((v) => (v === "" || v === null ? undefined : v), sentence.optional()),
      lastSentence: z.preprocess((v) => (v === "" || v === null ? undefined : v), sentence.optional()),
    },
    { error: "readingsInvalid" },
  )
  .refine((r) => (r.firstSentence === undefined) === (r.lastSentence === undefined), {
    error: "rangeInvalid",
  })
  .refine((r) => r.firstSentence === undefined || r.firstSentence <= r.lastSentence!, {
    error: "rangeInvalid",
  });

const requirement = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? 0 : v),
  z.coerce
    .number({ error: "requirementInvalid" })
    .int({ error: "requirementInvalid" })
    .min(0, { error: "requirementInvalid" })
    .max(MAX_REQUIREMENT, { error: "requirementInvalid" }),
);

const localTime = text("timeInvalid").regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u, "timeInvalid");

export const AssignmentInputSchema = z
  .object({
    title: text().trim().min(1, "assignmentTitleRequired").max(200, "assignmentTitleTooLong"),
    /** Tiptap JSON (a form sends it as JSON text); validated like annotation bodies by the service. */
    instructions: z.preprocess(jsonField("instructionsInvalid"), z.unknown()).optional(),
    /** Wall-clock times in `timeZone`, as datetime-local inputs give them. */
    opensAt: localTime,
    dueAt: localTime,
    timeZone: text("timeZoneInvalid").refine(isTimeZone, "timeZoneInvalid"),
    minAnnotations: requirement,
    minReplies: requirement,
    minQuestions: requirement,
    /** A checkbox: "on" when ticked. */
    inEachReading: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    /** Reveal after posting (a checkbox): classmates' notes shown once the minimum is posted. */
    revealAfterPosting: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    /**
     * With reveal: the staff's notes shown from the start ("shown", the default) or withheld with the
     * classmates' until then ("hidden"); a form's radio buttons send one of the two.
     */
    revealStaffNotes: z.preprocess(
      (v) =>
        v === undefined || v === null || v === "" || v === "shown" || v === "true"
          ? true
          : v === "hidden" || v === "false"
            ? false
            : v,
      z.boolean({ error: "revealStaffNotesInvalid" }),
    ),
    /**
     * Anonymous to peers (a checkbox): on the readings, students see their classmates' notes under
     * pseudonyms ("Student 7"), the staff see names (lib/assignments/anonymity.ts).
     */
    anonymousToPeers: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    /** Small groups (a checkbox): students split into discussion groups of `discussionGroupSize`. */
    smallGroups: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    /** With small groups: how many students a discussion group holds (at most the class's size). */
    discussionGroupSize: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce
        .number({ error: "discussionGroupSizeInvalid" })
        .int({ error: "discussionGroupSizeInvalid" })
        .min(MIN_DISCUSSION_GROUP, { error: "discussionGroupSizeInvalid" })
        .max(MAX_DISCUSSION_GROUP, { error: "discussionGroupSizeInvalid" })
        .optional(),
    ),
    readings: z.preprocess(
      jsonField("readingsInvalid"),
      z
        .array(ReadingInputSchema, { error: "readingsRequired" })
        .min(1, "readingsRequired")
        .max(MAX_READINGS, "tooManyReadings"),
    ),
  })
  .refine((a) => a.dueAt > a.opensAt, { error: "dueBeforeOpens", path: ["dueAt"] })
  // Reveal needs something to post: with a minimum of 0 every student would see everything at once.
  .refine((a) => !a.revealAfterPosting || a.minAnnotations >= 1, {
    error: "revealNeedsMinimum",
    path: ["minAnnotations"],
  })
  .refine((a) => !a.smallGroups || a.discussionGroupSize !== undefined, {
    error: "discussionGroupSizeInvalid",
    path: ["discussionGroupSize"],
  });

export type AssignmentInput = z.input<typeof AssignmentInputSchema>;

/** The assignment form's fields, as a server action reads them. */
export const ASSIGNMENT_FORM_FIELDS = [
  "title",
  "instructions",
  "opensAt",
  "dueAt",
  "timeZone",
  "minAnnotations",
  "minReplies",
  "minQuestions",
  "inEachReading",
  "revealAfterPosting",
  "revealStaffNotes",
  "anonymousToPeers",
  "smallGroups",
  "discussionGroupSize",
  "readings",
] as const satisfies readonly (keyof AssignmentInput)[];

export const ExtensionInputSchema = z.object({
  userId: text("studentInvalid")
    .min(1, "studentInvalid")
    .max(64, "studentInvalid")
    .regex(/^[A-Za-z0-9_-]+$/u, "studentInvalid"),
  dueAt: localTime,
  timeZone: text("timeZoneInvalid").refine(isTimeZone, "timeZoneInvalid"),
});

export const CopyInputSchema = z.object({
  groupId: text("groupNotFound")
    .min(1, "groupNotFound")
    .max(64, "groupNotFound")
    .regex(/^[A-Za-z0-9_-]+$/u, "groupNotFound"),
});

const idField = (error: string) =>
  text(error)
    .min(1, error)
    .max(64, error)
    .regex(/^[A-Za-z0-9_-]+$/u, error);

/** Where a student goes: `NEW_DISCUSSION_GROUP`, a discussion group's id, or "" (not placed). */
export const NEW_DISCUSSION_GROUP = "new";

export const DiscussionMoveInputSchema = z.object({
  userId: idField("studentInvalid"),
  discussionGroup: z.union([z.literal(""), idField("discussionGroupUnknown")], {
    error: "discussionGroupUnknown",
  }),
});
