"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { AnnotationView } from "@/lib/annotations/types";
import type { PanelFocus } from "../reader-types";
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
  annotations: AnnotationView[];
  filter: AnnotationFilter;
  onFilterChange: (filter: AnnotationFilter) => void;
  focus: PanelFocus;
  onClearFocus: () => void;
  locale: string;
  /** A composer is open: the "no annotations yet" invitation would be beside the point. */
  composing: boolean;
}

/**
 * The annotations part of the panel: with a focus from the text, only those (under a heading that
 * says what was picked, and "Show all"); otherwise the filters, the list, and orphans apart.
 */
export function PanelAnnotations({
  annotations,
  filter,
  onFilterChange,
  focus,
  onClearFocus,
  locale,
  composing,
}: PanelAnnotationsProps) {
  const t = useTranslations("annotations");
  const orphansHeadingId = useId();
  const focused = focus ? focusAnnotations(annotations, focus) : [];
  const shown = filterAnnotations(annotations, filter);
  const { anchored, orphans } = splitOrphans(shown);

  return (
    <>
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
        <AnnotationList annotations={focused} label={t("lists.focused")} headingLevel={4} />
      ) : annotations.length === 0 ? (
        !composing && <p className={styles.state}>{t("states.empty")}</p>
      ) : (
        <>
          <AnnotationFilters
            annotations={annotations}
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
          <AnnotationList annotations={anchored} label={t("lists.all")} headingLevel={3} />
          {orphans.length > 0 && (
            <section aria-labelledby={orphansHeadingId} className={styles.orphans}>
              <h3 id={orphansHeadingId} className={styles.sectionHeading}>
                {t("orphans.heading", { count: orphans.length })}
              </h3>
              <p className={styles.orphansAbout}>{t("orphans.about")}</p>
              <AnnotationList
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
