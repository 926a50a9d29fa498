"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import type { AnnotationSummary, PersonView } from "@/lib/annotations/types";
import {
  type AnnotationFilter,
  authorsPresent,
  countByScope,
  FILTER_SCOPES,
  isFiltered,
  NO_FILTER,
  tagsPresent,
  threadCount,
} from "./filter-annotations";
import { personName } from "../../people/person-name";
import styles from "./panel.module.css";

interface AnnotationFiltersProps {
  /** Every annotation the filters choose from (orphans included). */
  annotations: AnnotationSummary[];
  people: PersonView[];
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  locale: string;
  /** How many the filters let through. */
  shown: number;
}

/**
 * The toolbar above the list: whose annotations (all, mine, others', questions) with counts, a tag,
 * an author, and how many are shown. It filters in the browser, over the list already loaded.
 */
export function AnnotationFilters({
  annotations,
  people,
  filter,
  onChange,
  locale,
  shown,
}: AnnotationFiltersProps) {
  const t = useTranslations("annotations.filters");
  const tPeople = useTranslations("people");
  const id = useId();
  const { tag, authorId } = filter;
  // Passes over the whole list, done again only when it (or the tag and author kept) changes.
  const counts = useMemo(
    () => countByScope(annotations, { scope: "all", tag, authorId }),
    [annotations, tag, authorId],
  );
  const present = useMemo(() => tagsPresent(annotations, locale), [annotations, locale]);
  // Classmates on an anonymous assignment are listed by their pseudonyms, in the reader's language.
  const named = useMemo(() => people.map((p) => ({ ...p, name: personName(p, tPeople) })), [people, tPeople]);
  const authors = useMemo(() => authorsPresent(annotations, named, locale), [annotations, named, locale]);
  const tags =
    tag !== null && !present.some((entry) => entry.tag === tag) ? [{ tag, count: 0 }, ...present] : present;

  return (
    <div role="group" aria-labelledby={`${id}-label`} className={styles.filters}>
      <p id={`${id}-label`} className="visually-hidden">
        {t("label")}
      </p>
      <fieldset className={styles.scopes}>
        <legend className={styles.filterLegend}>{t("show")}</legend>
        {FILTER_SCOPES.map((scope) => (
          <label key={scope} className={styles.scope}>
            <input
              type="radio"
              name={`${id}-scope`}
              value={scope}
              checked={filter.scope === scope}
              onChange={() => onChange({ ...filter, scope })}
            />
            <span>
              {t(`scopes.${scope}`)} <span className={styles.count}>{counts[scope]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className={styles.selects}>
        {tags.length > 0 && (
          <div className={styles.select}>
            <label htmlFor={`${id}-tag`} className={styles.filterLegend}>
              {t("tag")}
            </label>
            <select
              id={`${id}-tag`}
              value={filter.tag ?? ""}
              onChange={(event) => onChange({ ...filter, tag: event.target.value || null })}
            >
              <option value="">{t("anyTag")}</option>
              {tags.map(({ tag, count }) => (
                <option key={tag} value={tag}>
                  {t("option", { name: tag, count })}
                </option>
              ))}
            </select>
          </div>
        )}
        {authors.length > 1 && (
          <div className={styles.select}>
            <label htmlFor={`${id}-author`} className={styles.filterLegend}>
              {t("author")}
            </label>
            <select
              id={`${id}-author`}
              value={filter.authorId ?? ""}
              onChange={(event) => onChange({ ...filter, authorId: event.target.value || null })}
            >
              <option value="">{t("anyAuthor")}</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {t("option", {
                    name: author.mine ? t("me", { name: author.name }) : author.name,
                    count: author.count,
                  })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p className={styles.shown}>
        {t("shown", { shown, total: threadCount(annotations) })}
        {isFiltered(filter) && (
          <>
            {" "}
            <button type="button" className={styles.linkButton} onClick={() => onChange(NO_FILTER)}>
              {t("clear")}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
