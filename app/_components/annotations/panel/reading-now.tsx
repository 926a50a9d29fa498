"use client";

import { useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { followReadingNow, readingNow } from "../data/live-versions";
import styles from "./panel.module.css";

/** Names shown before "and N others". */
const NAMES_SHOWN = 5;

/**
 * Who else of the reader's group has this source open now (from the page's live connection: no
 * request of its own), names first, the rest counted. Nothing while nobody else does. Not a live
 * region: comings and goings are not read out, the line is there to look at.
 */
export function ReadingNow({ sourceSlug }: { sourceSlug: string }) {
  const t = useTranslations("annotations.readingNow");
  const subscribe = useCallback((changed: () => void) => followReadingNow(sourceSlug, changed), [sourceSlug]);
  const people = useSyncExternalStore(
    subscribe,
    () => readingNow(sourceSlug),
    () => readingNow(""),
  );
  if (people.length === 0) return null;
  const names = people
    .slice(0, NAMES_SHOWN)
    .map((person) => person.name)
    .join(", ");
  const others = people.length - NAMES_SHOWN;
  return (
    <p className={styles.readingNow} data-testid="reading-now">
      {others > 0
        ? t("namesAndOthers", { count: people.length, names, others })
        : t("names", { count: people.length, names })}
    </p>
  );
}
