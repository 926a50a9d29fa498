import { z } from "zod";
import { int4, MAX_INT4, text } from "@/lib/http/input-schemas";

/**
 * A W3C Web Annotation as a protocol client sends it (POST or PUT): the parts Glossa keeps. A value
 * may be one item or an array of them, as JSON-LD allows. Anything else in the document is ignored
 * (an `id` the client made up is replaced by the server's, as the Protocol says, and kept as `via`
 * when it is an IRI: one that is not is ignored, never refused).
 */

/** Longest IRI accepted (a target, a canonical IRI). */
const MAX_IRI_LENGTH = 2000;
/** Longest body value: a 20,000-character note with room for HTML markup. */
const MAX_BODY_VALUE_LENGTH = 100_000;
/** Bodies in one annotation: its text and its tags. */
const MAX_BODIES = 30;

const oneOrMany = <T extends z.ZodType>(item: T, max: number) =>
  z.union([item.transform((value) => [value]), z.array(item).min(1).max(max)], {
    error: "annotationInvalid",
  });

const Iri = text("iriInvalid")
  .max(MAX_IRI_LENGTH, { error: "iriInvalid" })
  .refine((value) => URL.canParse(value), { error: "iriInvalid" });

export const MOTIVATIONS = ["commenting", "questioning", "highlighting", "tagging", "replying"] as const;

const QuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: text("selectorInvalid").min(1, { error: "selectorEmpty" }).max(MAX_BODY_VALUE_LENGTH),
  prefix: text("selectorInvalid").max(MAX_BODY_VALUE_LENGTH).optional(),
  suffix: text("selectorInvalid").max(MAX_BODY_VALUE_LENGTH).optional(),
});

const PositionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: int4("selectorInvalid", { rangeError: "selectorOutOfRange" }),
  end: int4("selectorInvalid", { min: -MAX_INT4, rangeError: "selectorOutOfRange" }),
});

/**
 * Other selector types are named so the refusal can say which; they are never used to place a note.
 * A quote or position selector that is not well formed is not one of them: it is refused.
 */
const OtherSelector = z
  .object({
    type: text("selectorInvalid")
      .max(100)
      .refine((type) => type !== "TextQuoteSelector" && type !== "TextPositionSelector", {
        error: "selectorInvalid",
      }),
  })
  .passthrough();

const Selector = z.union([QuoteSelector, PositionSelector, OtherSelector], { error: "selectorInvalid" });

const SpecificTarget = z.object({
  source: Iri,
  selector: oneOrMany(Selector, 5).optional(),
});

const Body = z.object(
  {
    type: z.literal("TextualBody", { error: "bodyTypeUnsupported" }),
    value: text("bodyInvalid").max(MAX_BODY_VALUE_LENGTH, { error: "bodyTooLong" }),
    format: z
      .enum(["text/plain", "text/html", "text/markdown"], { error: "bodyFormatUnsupported" })
      .optional(),
    purpose: z.enum(MOTIVATIONS, { error: "motivationUnsupported" }).optional(),
    language: text("bodyInvalid").max(35).optional(),
  },
  { error: "bodyInvalid" },
);

export const ProtocolAnnotationSchema = z.object(
  {
    type: z.union(
      [z.literal("Annotation"), z.array(text("annotationInvalid")).refine((t) => t.includes("Annotation"))],
      {
        error: "annotationTypeRequired",
      },
    ),
    motivation: z.enum(MOTIVATIONS, { error: "motivationUnsupported" }).optional(),
    body: oneOrMany(Body, MAX_BODIES).optional(),
    target: z.union([Iri, SpecificTarget], { error: "targetInvalid" }),
    canonical: Iri.optional(),
    id: Iri.optional().catch(undefined),
  },
  { error: "annotationInvalid" },
);

export type ProtocolAnnotation = z.output<typeof ProtocolAnnotationSchema>;
export type ProtocolSelector = z.output<typeof Selector>;
