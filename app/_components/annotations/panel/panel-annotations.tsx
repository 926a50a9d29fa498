"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useSyncExternalStore } from "react";
import { listedFirst } from "@/lib/annotations/listed-first";
import type { AnnotationSummary, PersonView } from "@/lib/annotations/types";
import type { PanelFocus } from "../reader-types";
import { getRevealNotice, subscribeRevealNotice } from "../../assignments/reveal-notice-store";
import { AnnotationFilters } from "./annotation-filters";
import { AnnotationList } from "./annotation-list";
import {
  type AnnotationFilter,
  filterAnnotations,
  focusAnnotations,
  isFiltered,
  NO_FILTER,
  splitOrphans,
} from "./filter-annotations";
import styles from "./panel.module.css";

interface PanelAnnotationsProps {
  annotations: AnnotationSummary[];
  /** Their authors (for the author filter). */
  people: PersonView[];
  filter: AnnotationFilter;
  onFilterChange: (filter: AnnotationFilter) => void;
  focus: PanelFocus;
  onClearFocus: () => void;
  locale: string;
  /** A composer is open: the "no annotations yet" invitation would be beside the point. */
  composing: boolean;
  /** An annotation whose card must be drawn (to be focused), however far down the list it is. */
  reveal: string | null;
}

/** Names what a list shows, so a new filter or focus starts the list from its first cards again. */
function listKey(filter: AnnotationFilter, focus: PanelFocus): string {
  if (focus?.kind === "sentence") return `sentence ${focus.sentence}`;
  if (focus?.kind === "annotations") return `picked ${focus.ids.join(" ")}`;
  return JSON.stringify(filter);
}

/**
 * The annotations part of the panel: with a focus from the text, only those (under a heading that
 * says what was picked, and "Show all"); otherwise the filters, the list, and orphans apart.
 */
export function PanelAnnotations({
  annotations,
  people,
  filter,
  onFilterChange,
  focus,
  onClearFocus,
  locale,
  composing,
  reveal,
}: PanelAnnotationsProps) {
  const t = useTranslations("annotations");
  const orphansHeadingId = useId();
  // Each a pass over the whole list: done again only when the list, the filter or the focus changes.
  // The notes the group's staff highlighted come first (listedFirst), in each list.
  const focused = useMemo(
    () => (focus ? listedFirst(focusAnnotations(annotations, focus)) : []),
    [annotations, focus],
  );
  const shown = useMemo(() => filterAnnotations(annotations, filter), [annotations, filter]);
  const { anchored, orphans } = useMemo(() => {
    const split = splitOrphans(shown);
    return { anchored: listedFirst(split.anchored), orphans: split.orphans };
  }, [shown]);
  const key = listKey(filter, focus);
  const revealNotice = useSyncExternalStore(subscribeRevealNotice, getRevealNotice, () => null);

  return (
    <>
      {revealNotice && (
        <p className={styles.state} role="note">
          {t("states.revealHidden", { count: revealNotice.required })}
        </p>
      )}
      {/* A live region that stays: the heading of a new focus is read when it appears. */}
      <div aria-live="polite">
        {focus && (
          <div className={styles.focusBar}>
            <h3 className={styles.sectionHeading}>
              {focus.kind === "sentence"
                ? t("focus.sentence", { number: focus.sentence, count: focused.length })
                : t("focus.selected", { count: focused.length })}
            </h3>
            <button type="button" className={styles.linkButton} onClick={onClearFocus}>
              {t("focus.showAll")}
            </button>
          </div>
        )}
      </div>
      {focus ? (
        <AnnotationList
          key={key}
          annotations={focused}
          label={t("lists.focused")}
          headingLevel={4}
          reveal={reveal}
        />
      ) : annotations.length === 0 ? (
        !composing && !revealNotice && <p className={styles.state}>{t("states.empty")}</p>
      ) : (
        <>
          <AnnotationFilters
            annotations={annotations}
            people={people}
            filter={filter}
            onChange={onFilterChange}
            locale={locale}
            shown={shown.length}
          />
          {shown.length === 0 && isFiltered(filter) && (
            <p className={styles.state}>
              {t("states.noMatch")}{" "}
              <button type="button" className={styles.linkButton} onClick={() => onFilterChange(NO_FILTER)}>
                {t("filters.clear")}
              </button>
            </p>
          )}
          <AnnotationList
            key={key}
            annotations={anchored}
            label={t("lists.all")}
            headingLevel={3}
            reveal={reveal}
          />
          {orphans.length > 0 && (
            <section aria-labelledby={orphansHeadingId} className={styles.orphans}>
              <h3 id={orphansHeadingId} className={styles.sectionHeading}>
                {t("orphans.heading", { count: orphans.length })}
              </h3>
              <p className={styles.orphansAbout}>{t("orphans.about")}</p>
              <AnnotationList
                key={key}
                reveal={reveal}
                annotations={orphans}
                label={t("orphans.heading", { count: orphans.length })}
                headingLevel={4}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
