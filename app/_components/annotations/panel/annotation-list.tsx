"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import type { AnnotationSummary } from "@/lib/annotations/types";
import { CardSlot } from "./card-slot";
import { cardElementId } from "./panel-context";
import { useCards } from "../data/use-annotation-cards";
import styles from "./panel.module.css";

/**
 * Cards drawn at first, and added by each "Show more": a panel's worth to read on, while a source
 * with thousands of annotations does not make thousands of cards (and their editors) up front.
 */
export const CARDS_PER_PAGE = 50;

/**
 * Annotation cards in the order given, as a list (screen readers say how many), fetched as they are
 * drawn (placeholders until then): the first 50, then
 * a "Show 50 more" button that adds the next 50 and moves focus to the first of them. `reveal` is an
 * annotation whose card must be there even if it is further down (one just created, to be focused):
 * it is drawn after the first cards until "Show more" reaches its place. Give the list a new `key`
 * when what it lists is chosen anew (another filter), to start from the first 50 again.
 */
export function AnnotationList({
  annotations,
  label,
  headingLevel,
  reveal = null,
}: {
  annotations: AnnotationSummary[];
  label: string;
  /** The level of the cards' headings: 3 in the main list, 4 under a section heading. */
  headingLevel: 3 | 4;
  reveal?: string | null;
}) {
  const t = useTranslations("annotations.lists");
  const [drawn, setDrawn] = useState(CARDS_PER_PAGE);
  const cardCache = useCards();
  const revealAt = reveal === null ? -1 : annotations.findIndex((a) => a.id === reveal);
  const beyond = revealAt >= drawn ? annotations[revealAt] : undefined;
  const cards = annotations.slice(0, drawn);
  if (beyond) cards.push(beyond);
  // Fetches the cards drawn that are missing or out of date (nothing when all are there).
  useEffect(() => cardCache.load(cards));
  if (annotations.length === 0) return null;
  const left = annotations.length - cards.length;
  // What "Show more" adds: the next 50 places, less the card already drawn out of turn.
  const next = annotations.slice(drawn, drawn + CARDS_PER_PAGE).filter((a) => a !== beyond);

  function showMore() {
    const first = next[0];
    flushSync(() => setDrawn(drawn + CARDS_PER_PAGE));
    // The button may stay (more are left), but a keyboard reader goes on reading from the new cards.
    if (first) document.getElementById(cardElementId(first.id))?.focus();
  }

  return (
    <>
      <ol className={styles.list} aria-label={label}>
        {cards.map((summary) => (
          <li key={summary.id}>
            <CardSlot summary={summary} headingLevel={headingLevel} />
          </li>
        ))}
      </ol>
      {left > 0 && (
        <button type="button" className={styles.showMore} onClick={showMore}>
          {t("showMore", { count: next.length, left })}
        </button>
      )}
    </>
  );
}
