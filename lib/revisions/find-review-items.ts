import "server-only";
import { sentencesOf } from "@/lib/annotations/place-in-edition";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { openReview, type ReviewScope } from "./open-review.ts";

/** Characters of an annotation's body shown in the review list. */
const BODY_EXCERPT = 200;
/** Sentences of the new edition shown on either side of where an annotation was or is proposed, to select words in. */
const SENTENCES_AROUND = 3;

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
  /**
   * The text of the new edition around the proposed place, or around where the annotation stood
   * (its offset in its own edition, as near as the new text allows), a few sentences either side:
   * where words to re-attach it to can be selected; `start` is its offset in the edition.
   */
  around: { start: number; text: string; firstSentence: number; lastSentence: number };
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
          positionStart: true,
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
      around: textAround(text, passages, row.start ?? row.annotation.positionStart ?? 0, row.end),
    })),
  };
}

/** The sentences around [start, end) (end null: around start), SENTENCES_AROUND either side. */
function textAround(
  text: string,
  passages: ReviewScope["edition"]["passages"],
  start: number,
  end: number | null,
): ReviewItem["around"] {
  if (passages.length === 0) return { start: 0, text, firstSentence: 1, lastSentence: 1 };
  const at = Math.min(Math.max(start, 0), Math.max(text.length - 1, 0));
  const place = sentencesOf(passages, at, Math.max(end ?? at + 1, at + 1));
  const first = passages[Math.max(place.firstSentence - 1 - SENTENCES_AROUND, 0)]!;
  const last = passages[Math.min(place.lastSentence - 1 + SENTENCES_AROUND, passages.length - 1)]!;
  return {
    start: first.start,
    text: text.slice(first.start, last.end),
    firstSentence: first.number,
    lastSentence: last.number,
  };
}
