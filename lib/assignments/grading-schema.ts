import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { ID_PATTERN } from "@/lib/http/parse-id";

/**
 * Inputs of grading (rubric, scores, private feedback), shared by the forms and the server. Forms
 * send rows as indexed fields (`criteria.0.title`), so a problem's path names the field to mark.
 * Messages are i18n keys under "errors".
 */

/** Criteria per rubric: a seminar rubric has a handful; more is a list, not a rubric. */
export const MAX_CRITERIA = 12;
/** The most points one criterion may be worth (a 0–100 scale at most). */
export const MAX_CRITERION_POINTS = 100;
/** The longest comment on a score, or criterion description. */
export const MAX_COMMENT_LENGTH = 2_000;
/** The longest plain-text feedback (rich text is limited as annotation bodies are). */
export const MAX_FEEDBACK_LENGTH = 10_000;

const id = (error: string) => text(error).max(64, error).regex(ID_PATTERN, error);

/** A whole number from a form field (text) or JSON (number); "" is `empty`. */
function wholeNumber(
  error: string,
  range: { below: string; above: string; max: number },
  empty: undefined | null,
) {
  return z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? empty : typeof v === "string" ? Number(v.trim()) : v),
    z
      .number({ error })
      .int({ error })
      .min(0, { error: range.below })
      .max(range.max, { error: range.above })
      .nullable()
      .optional(),
  );
}

export const CriterionInputSchema = z.object({
  /** An existing criterion's id (kept, with its scores), or none for a new one. */
  id: z.preprocess((v) => (v === "" ? undefined : v), id("criterionInvalid").optional()),
  title: text("criterionTitleRequired")
    .trim()
    .min(1, "criterionTitleRequired")
    .max(200, "criterionTitleTooLong"),
  description: text().trim().max(MAX_COMMENT_LENGTH, "criterionDescriptionTooLong").optional(),
  maxPoints: wholeNumber(
    "pointsInvalid",
    { below: "pointsOutOfRange", above: "pointsOutOfRange", max: MAX_CRITERION_POINTS },
    undefined,
  ).refine((v) => v !== undefined && v !== null && v > 0, { error: "pointsOutOfRange" }),
});

export const RubricInputSchema = z.object({
  criteria: z
    .array(CriterionInputSchema, { error: "rubricEmpty" })
    .min(1, "rubricEmpty")
    .max(MAX_CRITERIA, "tooManyCriteria"),
});

export type RubricInput = z.input<typeof RubricInputSchema>;

export const ScoreInputSchema = z.object({
  criterionId: id("criterionInvalid"),
  /** Empty: not scored yet (a score given before is taken back). */
  points: wholeNumber(
    "scoreInvalid",
    { below: "scoreNegative", above: "scoreAboveMax", max: MAX_CRITERION_POINTS },
    null,
  ),
  comment: text().trim().max(MAX_COMMENT_LENGTH, "commentTooLong").optional(),
});

export const ScoresInputSchema = z.object({
  scores: z.array(ScoreInputSchema, { error: "scoresInvalid" }).max(MAX_CRITERIA, "scoresInvalid"),
});

export type ScoresInput = z.input<typeof ScoresInputSchema>;

export const FeedbackInputSchema = z
  .object({
    /** Plain text (a form's textarea): one paragraph per line. */
    text: text().trim().max(MAX_FEEDBACK_LENGTH, "feedbackTooLong").optional(),
    /** Rich text: Tiptap JSON, validated as annotation bodies are. */
    body: z.unknown().optional(),
    /** One of the student's annotations or replies; none: feedback on the whole assignment. */
    annotationId: z.preprocess((v) => (v === "" ? undefined : v), id("annotationInvalid").optional()),
  })
  .refine((f) => (f.text !== undefined && f.text !== "") || f.body !== undefined, {
    error: "feedbackRequired",
    path: ["text"],
  });

export type FeedbackInput = z.input<typeof FeedbackInputSchema>;
