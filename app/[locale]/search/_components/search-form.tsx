import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { MAX_QUERY_LENGTH } from "@/lib/search/parse-search-query";
import { NOTE_KINDS } from "@/lib/search/schema";
import formStyles from "../../../_components/forms/forms.module.css";
import styles from "../search.module.css";

export interface FilterChoices {
  sources: { slug: string; title: string }[];
  groups: { id: string; name: string }[];
  authors: { id: string; name: string }[];
  assignments: { id: string; title: string; groupName: string }[];
}

interface SearchFormProps {
  locale: Locale;
  /** The search as the URL has it (the fields keep their values). */
  values: Record<string, string | undefined>;
  choices: FilterChoices;
  /** Why the search cannot be run, shown with the query field. */
  error: string | null;
}

const KIND_LABEL = {
  comment: "kindComment",
  question: "kindQuestion",
  highlight: "kindHighlight",
  reply: "kindReply",
} as const;

/**
 * The search and its filters: a plain GET form, so the search lives in the page's URL (it works
 * without JavaScript and can be shared). Group, author and kind are offered only to a signed-in reader.
 */
export async function SearchForm({ locale, values, choices, error }: SearchFormProps) {
  const t = await getTranslations({ locale, namespace: "search" });
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className={formStyles.field}>
      <label htmlFor={`search-${name}`} className={formStyles.label}>
        {label}
      </label>
      <select
        id={`search-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        className={formStyles.input}
      >
        <option value="">{t("filterAny")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const signedIn = choices.authors.length > 0;
  return (
    <form action={`/${locale}/search`} method="get" className={styles.form}>
      <div className={formStyles.field}>
        <label htmlFor="search-query" className={formStyles.label}>
          {t("queryLabel")}
        </label>
        {error !== null && (
          <p id="search-query-error" className={formStyles.fieldError}>
            {error}
          </p>
        )}
        <div className={styles.queryRow}>
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            maxLength={MAX_QUERY_LENGTH}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={error === null ? undefined : "search-query-error"}
            className={formStyles.input}
          />
          <button type="submit" className={formStyles.primary}>
            {t("submit")}
          </button>
        </div>
      </div>
      <fieldset className={styles.filters}>
        <legend>{t("filtersHeading")}</legend>
        {select(
          "source",
          t("filterSource"),
          choices.sources.map((s) => ({ value: s.slug, label: s.title })),
        )}
        {signedIn &&
          select("group", t("filterGroup"), [
            ...choices.groups.map((g) => ({ value: g.id, label: g.name })),
            { value: "none", label: t("personalNotes") },
          ])}
        {choices.assignments.length > 0 &&
          select(
            "assignment",
            t("filterAssignment"),
            choices.assignments.map((a) => ({
              value: a.id,
              label: t("assignmentChoice", { title: a.title, group: a.groupName }),
            })),
          )}
        {signedIn &&
          select(
            "author",
            t("filterAuthor"),
            choices.authors.map((a) => ({ value: a.id, label: a.name })),
          )}
        {signedIn &&
          select(
            "kind",
            t("filterKind"),
            NOTE_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABEL[kind]) })),
          )}
        {signedIn && (
          <>
            <div className={formStyles.field}>
              <label htmlFor="search-tag" className={formStyles.label}>
                {t("filterTag")}
              </label>
              <input
                id="search-tag"
                name="tag"
                defaultValue={values.tag ?? ""}
                className={formStyles.input}
              />
            </div>
            <div className={formStyles.field}>
              <label htmlFor="search-from" className={formStyles.label}>
                {t("filterFrom")}
              </label>
              <input
                id="search-from"
                name="from"
                type="date"
                defaultValue={values.from ?? ""}
                className={formStyles.input}
              />
            </div>
            <div className={formStyles.field}>
              <label htmlFor="search-to" className={formStyles.label}>
                {t("filterTo")}
              </label>
              <input
                id="search-to"
                name="to"
                type="date"
                defaultValue={values.to ?? ""}
                className={formStyles.input}
              />
            </div>
            <p className={`${formStyles.hint} ${styles.wide}`}>{t("filtersNoteOnly")}</p>
          </>
        )}
      </fieldset>
    </form>
  );
}
