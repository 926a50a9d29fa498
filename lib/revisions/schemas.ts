import { z } from "zod";
import { idSegment, int4 } from "@/lib/http/input-schemas";
import { DraftFieldSchema } from "@/lib/sources/new-source-schema";

/**
 * A revision to publish: the number of the edition it was made from (so one made from an edition
 * that is no longer the latest is refused, not laid over someone else's) and the draft as previewed
 * (text and sentences, as the add-a-source preview checks them).
 */
export const RevisionSchema = z.object(
  {
    edition: z.coerce.number({ error: "revisionStale" }).pipe(int4("revisionStale", { min: 1 })),
    draft: DraftFieldSchema,
  },
  { error: "formInvalid" },
);

const placementId = idSegment("placementNotFound");
const offset = z.coerce
  .number({ error: "reattachWordsInvalid" })
  .pipe(int4("reattachWordsInvalid", { min: 0 }));
const sentenceNumber = z.coerce
  .number({ error: "reattachRangeInvalid" })
  .pipe(int4("reattachRangeInvalid", { min: 1 }));

/**
 * What staff decide about one annotation a revision could not place with confidence (a placement on
 * the latest edition): confirm the proposed place; re-attach it to the sentences `first` to `last`
 * of the new edition, or to the words selected in its text (offsets `start` to `end`); or leave it
 * on the edition it was written on.
 */
export const ReviewDecisionSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("confirm"), placement: placementId }),
    z.object({ op: z.literal("leave"), placement: placementId }),
    z.object({
      op: z.literal("reattach"),
      placement: placementId,
      first: sentenceNumber,
      last: sentenceNumber,
    }),
    z.object({ op: z.literal("reattach-words"), placement: placementId, start: offset, end: offset }),
  ],
  { error: "formInvalid" },
);

export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
