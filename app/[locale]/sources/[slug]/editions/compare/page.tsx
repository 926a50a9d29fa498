import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { foldUnchangedRows } from "@/lib/anchoring/fold-unchanged-rows";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { publicUrl } from "@/lib/http/public-url";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { parseEditionPair } from "@/lib/revisions/parse-edition-pair";
import type { SourceEditions } from "@/lib/sources/find-source-editions";
import { getEditionComparison } from "@/lib/sources/get-edition-comparison";
import pageStyles from "../../../../../_components/account-page.module.css";
import {
  changeId,
  EditionComparisonTable,
} from "../../../../../_components/editions/edition-comparison-table";
import { editionsPath } from "../../../../../_components/editions/editions-path";
import styles from "../../../../../_components/editions/editions.module.css";
import { PageShell } from "../../../../../_components/page-shell";
import { loadSourceEditions } from "../../../../../_lib/load-source-editions";
import { requestOrigin } from "../../../../../_lib/request-origin";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import problemStyles from "../../../../compare/compare.module.css";

type SearchParams = Record<string, string | string[] | undefined>;

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<SearchParams>;
}

// Rendered for each request: a group's own source is compared for its members only.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const source = (await loadSourceEditions(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "editions" });
  const pair = parseEditionPair(await searchParams);
  const title = source.title[locale];
  return {
    title: pair.ok ? t("compareTitle", { from: pair.from, to: pair.to, title }) : t("listTitle", { title }),
  };
}

/** What is wrong with the address, in words, or null when both editions exist and differ. */
async function problemWith(
  locale: Locale,
  source: SourceEditions,
  query: SearchParams,
): Promise<string | null> {
  const t = await getTranslations({ locale, namespace: "editions" });
  const pair = parseEditionPair(query);
  if (!pair.ok) return t(pair.problem);
  const numbers = source.editions.map((edition) => edition.number);
  const missing = [pair.from, pair.to].find((number) => !numbers.includes(number));
  if (missing === undefined) return null;
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(numbers.map(String));
  return t("noSuchEdition", { number: missing, list });
}

/**
 * `/{locale}/sources/{slug}/editions/compare?from=N&to=M`: editions N and M side by side, changes
 * marked word by word (EditionComparisonTable), with a summary, a way from change to change and a
 * link to this view. 404 wherever the source is (a group's source outside its group); a bad or
 * impossible pair of editions gets a message and the way to the list, never an error page.
 */
export default async function CompareEditionsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const query = await searchParams;
  const source = (await loadSourceEditions(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "editions" });
  const title = source.title[locale];
  const pair = parseEditionPair(query);
  const problem = await problemWith(locale, source, query);
  const back = (
    <p className={pageStyles.ui}>
      <Link href={`/${locale}${editionsPath(source.slug)}`}>{t("allEditions", { title })}</Link>
      {" · "}
      <Link href={`/${locale}/sources/${source.slug}`}>{t("backToSource", { title })}</Link>
    </p>
  );
  if (!pair.ok || problem !== null) {
    return (
      <PageShell locale={locale} path={`${editionsPath(source.slug)}/compare`}>
        {back}
        <h1>{t("listHeading", { title })}</h1>
        <section className={problemStyles.problem} aria-labelledby="compare-problem">
          <h2 id="compare-problem">{t("problemHeading")}</h2>
          <p>{problem}</p>
        </section>
        <p>
          <Link href={`/${locale}${editionsPath(source.slug)}`}>{t("chooseFromList")}</Link>
        </p>
      </PageShell>
    );
  }

  const view = await getEditionComparison(source.slug, await getActor(), pair.from, pair.to).catch(
    (error: unknown) => {
      // Deleted or hidden since the list was read.
      if (isAppError(error, "NOT_FOUND")) notFound();
      throw error;
    },
  );
  const { comparison } = view;
  const edition = (number: number) => source.editions.find((entry) => entry.number === number)!;
  const path = editionsPath(source.slug, { from: pair.from, to: pair.to });
  const permalink = publicUrl(`/${locale}${path}`, await requestOrigin());
  const counts = (["deletion", "insertion", "correction"] as const)
    .map((kind) => [kind, comparison.changes.filter((change) => change === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => t(`${kind}s`, { count }));
  return (
    <PageShell
      locale={locale}
      path={editionsPath(source.slug, { ...pair, unfold: pair.unfolded })}
      width="wide"
    >
      {back}
      <h1>{t("compareHeading", { from: pair.from, to: pair.to })}</h1>
      <p className={pageStyles.intro}>{title}</p>
      <p className={styles.summary}>
        {t("summary", { count: comparison.changes.length })}
        {counts.length > 0 && `: ${counts.join(", ")}`}
      </p>
      {!comparison.complete && <p>{t("incomplete")}</p>}
      <p className={styles.legend}>{t("legend", { from: pair.from, to: pair.to })}</p>
      {comparison.changes.length > 0 && (
        <p className={pageStyles.ui}>
          <a href={`#${changeId(0)}`}>{t("firstChange")}</a>
        </p>
      )}
      <p className={styles.permalink}>
        {t("permalink")}: <a href={permalink}>{permalink}</a>
      </p>
      <EditionComparisonTable
        locale={locale}
        slug={source.slug}
        language={source.language}
        comparison={comparison}
        rows={foldUnchangedRows(comparison.rows, pair.unfolded)}
        editions={[edition(pair.from), edition(pair.to)]}
        unfolded={pair.unfolded}
      />
    </PageShell>
  );
}
