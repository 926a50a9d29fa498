import "server-only";
import { sentencesOf } from "@/lib/annotations/place-in-edition";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { openReview, type ReviewScope } from "./open-review.ts";

/** Characters of an annotation's body shown in the review list. */
const BODY_EXCERPT = 200;

/** One annotation a revision could not place with confidence, as the review list shows it. */
export interface ReviewItem {
  placementId: string;
  annotationId: string;
  outcome: "REVIEW" | "ORPHAN";
  confidence: number;
  /** The quotation as written, and the edition it was written on. */
  quote: string;
  writtenOn: number;
  author: string;
  body: string;
  /** Where the revision proposes it stands in the new edition (REVIEW), or null (ORPHAN). */
  proposed: { text: string; firstSentence: number; lastSentence: number } | null;
}

export interface ReviewList {
  scope: ReviewScope;
  items: ReviewItem[];
}

/**
 * The group's annotations awaiting review in `slug`'s latest edition (openReview decides who may
 * see which): fuzzy places of low confidence to confirm or correct, and orphans to re-attach or leave
 * on their own edition; in the order they were written. Those already decided are not listed.
 */
export async function findReviewItems(actor: Actor, groupId: string, slug: string): Promise<ReviewList> {
  const scope = await openReview(actor, groupId, slug);
  const rows = await db.annotationPlacement.findMany({
    where: { ...scope.placementWhere, outcome: { in: ["REVIEW", "ORPHAN"] }, decision: null },
    select: {
      id: true,
      outcome: true,
      confidence: true,
      start: true,
      end: true,
      annotation: {
        select: {
          id: true,
          quoteExact: true,
          bodyText: true,
          createdAt: true,
          edition: { select: { number: true } },
          author: { select: { name: true } },
        },
      },
    },
  });
  rows.sort((a, b) => a.annotation.createdAt.getTime() - b.annotation.createdAt.getTime());
  const { text, passages } = scope.edition;
  return {
    scope,
    items: rows.map((row) => ({
      placementId: row.id,
      annotationId: row.annotation.id,
      outcome: row.outcome === "REVIEW" ? "REVIEW" : "ORPHAN",
      confidence: row.confidence,
      quote: row.annotation.quoteExact,
      writtenOn: row.annotation.edition.number,
      author: row.annotation.author.name,
      body: row.annotation.bodyText.slice(0, BODY_EXCERPT),
      proposed:
        row.start !== null && row.end !== null
          ? { text: text.slice(row.start, row.end), ...sentencesOf(passages, row.start, row.end) }
          : null,
    })),
  };
}
