"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useRef } from "react";
import type { AnnotationSummary } from "@/lib/annotations/types";
import { AnnotationCard } from "./annotation-card";
import { cardElementId } from "./panel-context";
import { useCards } from "../data/use-annotation-cards";
import styles from "./card.module.css";
import panelStyles from "./panel.module.css";

/**
 * One annotation of a list: its card once fetched, until then a placeholder with what the index
 * already says (kind and author) under the same element id, so "Show more" can move focus to it and
 * focus stays on the card when it arrives.
 */
export function CardSlot({ summary, headingLevel }: { summary: AnnotationSummary; headingLevel: 3 | 4 }) {
  const t = useTranslations("annotations");
  const cards = useCards();
  const state = cards.stateOf(summary);
  const titleId = useId();
  /** The placeholder had focus: the card that replaces it takes it. */
  const placeholderFocused = useRef(false);
  const ready = state.status === "ready";

  useLayoutEffect(() => {
    if (!ready || !placeholderFocused.current) return;
    placeholderFocused.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById(cardElementId(summary.id))?.focus();
  }, [ready, summary.id]);

  if (state.status === "ready") {
    return <AnnotationCard annotation={state.view} headingLevel={headingLevel} updating={state.stale} />;
  }
  const Heading = headingLevel === 4 ? "h4" : "h3";
  const author = cards.names.get(summary.authorId) ?? "";
  return (
    <article
      id={cardElementId(summary.id)}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-busy={state.status === "loading"}
      className={styles.card}
      data-kind={summary.kind}
      data-placeholder=""
      onFocus={() => (placeholderFocused.current = true)}
      onBlur={(event) => {
        if (event.relatedTarget) placeholderFocused.current = false;
      }}
    >
      <Heading id={titleId} className={styles.title}>
        <span className={styles.kind} data-kind={summary.kind}>
          {t(`kinds.${summary.kind}`)}
          <span className="visually-hidden">,</span>
        </span>
        <span className={styles.author}>
          {author}
          {summary.mine && <span className={styles.you}> ({t("card.you")})</span>}
        </span>
      </Heading>
      {state.status === "loading" && <p className={styles.placeholderNote}>{t("card.loading")}</p>}
      {state.status === "gone" && <p className={styles.placeholderNote}>{t("card.gone")}</p>}
      {state.status === "error" && (
        <p role="alert" className={styles.placeholderNote}>
          {t("card.loadFailed")}{" "}
          <button type="button" className={panelStyles.linkButton} onClick={cards.retry}>
            {t("retry")}
          </button>
        </p>
      )}
    </article>
  );
}
