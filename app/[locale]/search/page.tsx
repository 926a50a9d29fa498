import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import { findGroups } from "@/lib/groups/find-groups";
import { isAppError } from "@/lib/http/errors";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { findSearchAssignments } from "@/lib/search/find-search-assignments";
import { findSearchAuthors } from "@/lib/search/find-search-authors";
import { SearchInputSchema, type SearchInput } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import type { SearchResults } from "@/lib/search/types";
import { findSources } from "@/lib/sources/find-sources";
import { PageShell } from "../../_components/page-shell";
import { firstParam, messageText } from "../../_lib/message-text";
import { resolveLocale } from "../../_lib/resolve-locale";
import { NoteResults } from "./_components/note-results";
import { PassageResults } from "./_components/passage-results";
import { SearchForm } from "./_components/search-form";
import styles from "./search.module.css";

type SearchParams = Record<string, string | string[] | undefined>;

interface SearchPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const FIELDS = [
  "q",
  "source",
  "group",
  "assignment",
  "author",
  "tag",
  "kind",
  "from",
  "to",
  "type",
  "page",
] as const;

function valuesOf(searchParams: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(FIELDS.map((name) => [name, firstParam(searchParams[name])]));
}

export async function generateMetadata({ params, searchParams }: SearchPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  const query = firstParam((await searchParams).q)?.slice(0, 60);
  return { title: query ? t("searchResultsTitle", { query }) : t("searchTitle") };
}

/** The same search with other values (`undefined` drops a parameter): a link to another page of it. */
function searchHref(
  locale: Locale,
  values: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...changes })) if (value) query.set(name, value);
  return `/${locale}/search?${query}`;
}

/** Runs the search, or says why it cannot be run (a message for the query field). */
async function run(
  locale: Locale,
  values: Record<string, string | undefined>,
): Promise<{ search: SearchInput; results: SearchResults } | { error: string | null }> {
  if (values.q === undefined) return { error: null };
  const parsed = SearchInputSchema.safeParse(values);
  if (!parsed.success) return { error: await messageText(locale, "errors", parsed.error.issues[0]!.message) };
  try {
    return { search: parsed.data, results: await searchLibrary(await getActor(), parsed.data) };
  } catch (error) {
    if (isAppError(error, "INVALID")) return { error: await messageText(locale, "errors", error.message) };
    throw error;
  }
}

/**
 * `/{locale}/search?q=…`: the sentences and the notes the reader may read that match, in two groups,
 * each a page of results with highlighted snippets linking into the reader. Rendered on the server
 * from the URL: it works without JavaScript and a search can be shared by its address.
 */
export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const locale = await resolveLocale(params);
  const values = valuesOf(await searchParams);
  const t = await getTranslations({ locale, namespace: "search" });
  const actor = await getActor();
  const [sources, groups, authors, assignments, outcome] = await Promise.all([
    findSources(actor),
    findGroups(actor),
    findSearchAuthors(actor),
    findSearchAssignments(actor),
    run(locale, values),
  ]);
  const choices = {
    sources: sources.map((s) => ({ slug: s.slug, title: s.title[locale] })),
    groups: groups.map(({ id, name }) => ({ id, name })),
    authors,
    assignments,
  };
  const path = values.q === undefined ? "/search" : `/search?${new URLSearchParams({ q: values.q })}`;
  const results = "results" in outcome ? outcome.results : null;
  const type = "search" in outcome ? outcome.search.type : "all";
  const pages = (total: number) => Math.max(1, Math.ceil(total / (results?.limit ?? 1)));

  const group = (
    name: "passages" | "notes",
    { total, atLeast }: { total: number; atLeast?: true },
    list: React.ReactNode,
    empty: string,
  ) => (
    <section aria-labelledby={`${name}-heading`} className={styles.group}>
      <h2 id={`${name}-heading`}>
        {t(name === "passages" ? "passagesHeading" : "notesHeading")}{" "}
        <span className={styles.count}>
          (
          {atLeast
            ? t("notesCountAtLeast", { count: total })
            : t(name === "passages" ? "passagesCount" : "notesCount", { count: total })}
          )
        </span>
      </h2>
      {total === 0 ? <p>{empty}</p> : list}
      {type === "all" && total > (results?.limit ?? 0) && (
        <p>
          <a href={searchHref(locale, values, { type: name, page: undefined })}>
            {t(name === "passages" ? "morePassages" : "moreNotes")}
          </a>
        </p>
      )}
      {type === name && results && pages(total) > 1 && (
        <nav aria-label={t("pagination")} className={styles.pagination}>
          {results.page > 1 && (
            <a href={searchHref(locale, values, { page: String(results.page - 1) })} rel="prev">
              {t("previousPage")}
            </a>
          )}
          <span>{t(atLeast ? "pageOfAtLeast" : "pageOf", { page: results.page, pages: pages(total) })}</span>
          {results.page < pages(total) && (
            <a href={searchHref(locale, values, { page: String(results.page + 1) })} rel="next">
              {t("nextPage")}
            </a>
          )}
        </nav>
      )}
    </section>
  );

  return (
    <PageShell locale={locale} path={path}>
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("intro")}</p>
      <SearchForm
        locale={locale}
        values={values}
        choices={choices}
        error={"error" in outcome ? outcome.error : null}
      />
      {results && (
        <div id="results" className={styles.groups}>
          {type !== "all" && (
            <p>
              <a href={searchHref(locale, values, { type: undefined, page: undefined })}>{t("showAll")}</a>
            </p>
          )}
          {type !== "notes" &&
            group(
              "passages",
              results.passages,
              <PassageResults locale={locale} items={results.passages.items} />,
              t("noPassages"),
            )}
          {type !== "passages" &&
            group(
              "notes",
              results.notes,
              <NoteResults locale={locale} items={results.notes.items} />,
              actor ? t("noNotes") : t("signInForNotes"),
            )}
        </div>
      )}
    </PageShell>
  );
}
