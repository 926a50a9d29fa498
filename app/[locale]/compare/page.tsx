import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { findSources } from "@/lib/sources/find-sources";
import { parseCompareSelection } from "@/lib/sources/parse-compare-selection";
import { CompareColumns } from "../../_components/compare-columns";
import { CompareForm } from "../../_components/compare-form";
import { PageShell } from "../../_components/page-shell";
import { loadSourceReading } from "../../_lib/load-source-reading";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "./compare.module.css";

type SearchParams = Record<string, string | string[] | undefined>;

interface ComparePageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: ComparePageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("compareTitle") };
}

/** The requested slugs as they came, for the language switch and to re-tick the form. */
function requestedSlugs(searchParams: SearchParams): string[] {
  const value = searchParams.s;
  return value === undefined ? [] : [value].flat();
}

function quoted(locale: Locale, slugs: string[]): string {
  const [open, close] = locale === "pl" ? ["„", "”"] : ["“", "”"];
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(slugs.map((s) => `${open}${s}${close}`));
}

/**
 * `/{locale}/compare?s=a&s=b[&s=c]`: two or three sources side by side. The selection lives in the URL
 * so a comparison can be shared; a bad one gets a clear message and the form, never an error page.
 */
export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const [t, tForm] = await Promise.all([
    getTranslations({ locale, namespace: "compare" }),
    getTranslations({ locale, namespace: "compareForm" }),
  ]);
  const requested = requestedSlugs(query);
  const path = `/compare${requested.length ? `?${new URLSearchParams(requested.map((s) => ["s", s]))}` : ""}`;
  const selection = parseCompareSelection(query);
  const sources = await findSources(await getActor());

  const known = new Set(sources.map((s) => s.slug));
  const unknown = selection.ok ? selection.slugs.filter((slug) => !known.has(slug)) : [];
  const problem = !selection.ok
    ? t(selection.problem)
    : unknown.length > 0
      ? t("unknown", { count: unknown.length, slugs: quoted(locale, unknown) })
      : null;
  // A source deleted since findSources() leaves fewer than two readings: then "invalid" is shown.
  const readings =
    selection.ok && problem === null
      ? (await Promise.all(selection.slugs.map((slug) => loadSourceReading(slug)))).filter((r) => r !== null)
      : [];

  return (
    <PageShell locale={locale} path={path} width="wide">
      <h1>{t("title")}</h1>
      {problem !== null || readings.length < 2 ? (
        <>
          <section className={styles.problem} aria-labelledby="compare-problem">
            <h2 id="compare-problem">{t("errorHeading")}</h2>
            <p>{problem ?? t("invalid")}</p>
          </section>
          <CompareForm
            locale={locale}
            sources={sources}
            selected={requested}
            heading={tForm("chooseHeading")}
          />
        </>
      ) : (
        <>
          <CompareColumns locale={locale} readings={readings} label={t("columnsLabel")} />
          <CompareForm locale={locale} sources={sources} selected={requested} heading={t("change")} />
        </>
      )}
    </PageShell>
  );
}
