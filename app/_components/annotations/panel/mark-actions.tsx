"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { AnnotationView, FeaturedView, HelpfulView } from "@/lib/annotations/types";
import { useMessageText } from "../../forms/use-message-text";
import { setFeatured, setHelpfulMark } from "../data/api-client";
import { problemsFrom } from "./form-problems";
import { usePanel } from "./panel-context";
import styles from "./card.module.css";

/** What the server answered to the reader's own toggle, for the card it was made on. */
interface Answered {
  card: AnnotationView;
  helpful?: HelpfulView;
  featured?: FeaturedView;
}

/**
 * Under an annotation: its "helpful" count, as a toggle button for those who may mark it (any
 * member who reads it, not its author: aria-pressed says whether they did) or as a line of text for
 * its author; and for the group's staff, a toggle that highlights it for the group. The server's
 * answer shows at once; the card fetched after the change (the index's new version) replaces it.
 */
export function MarkActions({ annotation, labelId }: { annotation: AnnotationView; labelId: string }) {
  const t = useTranslations("annotations.marks");
  const errorText = useMessageText("errors");
  const { announce, onChanged } = usePanel();
  const [answered, setAnswered] = useState<Answered | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = answered?.card === annotation ? answered : null;
  const helpful = mine?.helpful ?? annotation.helpful;
  const featured = mine?.featured ?? annotation.featured;
  if (annotation.withheld || annotation.deleted) return null;
  if (!helpful.canMark && !featured.canFeature && helpful.count === 0) return null;

  async function run(change: () => Promise<Omit<Answered, "card">>, said: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await change();
      setAnswered({ card: annotation, ...mine, ...answer });
      announce(said);
      onChanged();
    } catch (failure) {
      setError(problemsFrom(failure)[0]?.message ?? "generic");
    } finally {
      setBusy(false);
    }
  }

  const toggle = (pressed: boolean, onClick: () => void, label: ReactNode) => (
    <button
      type="button"
      className={styles.markButton}
      aria-pressed={pressed}
      aria-describedby={labelId}
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {/* Seen, not read: aria-pressed says it. */}
      {pressed && <span aria-hidden="true">✓</span>}
      {label}
    </button>
  );

  return (
    <div className={styles.marks}>
      {helpful.canMark
        ? toggle(
            helpful.marked,
            () =>
              void run(
                async () => ({ helpful: await setHelpfulMark(annotation.id, !helpful.marked) }),
                t(helpful.marked ? "unmarkedHelpful" : "markedHelpful"),
              ),
            <>
              {t("helpful")} <span className={styles.markCount}>{helpful.count}</span>
            </>,
          )
        : helpful.count > 0 && (
            <p className={styles.markNote}>{t("helpfulCount", { count: helpful.count })}</p>
          )}
      {featured.canFeature &&
        toggle(
          featured.featured,
          () =>
            void run(
              async () => ({ featured: await setFeatured(annotation.id, !featured.featured) }),
              t(featured.featured ? "unhighlighted" : "highlighted"),
            ),
          t("feature"),
        )}
      {error && (
        <p role="alert" className={styles.error}>
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
