import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { clientAddress } from "@/lib/auth/client-address";
import { getActor } from "@/lib/auth/get-current-user";
import { isLocale } from "@/lib/i18n/routing";
import { permalinkWithinLimit } from "@/lib/permalinks/creation-limit";
import { checkQuoteInLibrary } from "@/lib/quote-check/check-quote-in-library";
import { loadCorpus, type CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteCheckResult, QuoteMatch } from "@/lib/quote-check/types";
import { PageShell } from "../../_components/page-shell";
import { resolveLocale } from "../../_lib/resolve-locale";
import { EllipsisResult } from "./_components/ellipsis-result";
import { ExactResult } from "./_components/exact-result";
import { NearResult } from "./_components/near-result";
import { NotFoundResult } from "./_components/not-found-result";
import { sourceOf } from "./_components/passage-place";
import { QuoteCheckForm } from "./_components/quote-check-form";
import { TranslationMatch } from "./_components/translation-match";
import styles from "./check.module.css";

type SearchParams = Record<string, string | string[] | undefined>;

interface QuoteCheckPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: QuoteCheckPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("quoteCheckTitle") };
}

/** The quotation in the URL (`?q=`; the first if repeated); null before anything was asked. */
function quotationOf(searchParams: SearchParams): string | null {
  return [searchParams.q].flat()[0] ?? null;
}

/**
 * The permalink of the passage a match covers: the same id for the same passage, every time. Made
 * under the same limit as the cite dialog's; past it, null (the page offers the reader instead).
 */
async function permalinkIdOf(corpus: CorpusSource[], match: QuoteMatch): Promise<string | null> {
  return permalinkWithinLimit(
    { actor: await getActor(), address: clientAddress(await headers()) },
    {
      source: match.slug,
      editionNumber: sourceOf(corpus, match).editionNumber,
      start: match.start,
      end: match.end,
    },
  );
}

/**
 * `/{locale}/check?q=…`: where a quotation occurs in the library, exactly or nearly, how it differs
 * from the source word by word, and the passage's citation. The quotation lives in the URL, so a
 * check can be shared and works without JavaScript; the answer is rendered on the server.
 */
export default async function QuoteCheckPage({ params, searchParams }: QuoteCheckPageProps) {
  const locale = await resolveLocale(params);
  const quotation = quotationOf(await searchParams);
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const library = quotation === null ? null : await loadCorpus(await getActor());
  const checked =
    quotation === null || library === null
      ? null
      : checkQuoteInLibrary(quotation, library.originals, library.translations);
  const result: QuoteCheckResult | null = checked?.result ?? null;
  const corpus = (checked?.against === "translation" ? library?.translations : library?.originals) ?? [];
  const match = result !== null && "match" in result ? result.match : null;
  // A quotation of a working translation cites the original passage of the same sentences.
  const cited = checked?.original ?? match;
  const permalinkId = cited === null ? null : await permalinkIdOf(library?.originals ?? [], cited);
  const notice =
    checked?.original && match ? (
      <TranslationMatch
        locale={locale}
        translations={library?.translations ?? []}
        match={match}
        originals={library?.originals ?? []}
        original={checked.original}
      />
    ) : undefined;

  const error =
    result?.status === "empty"
      ? t("errorEmpty")
      : result?.status === "too-long"
        ? t("errorTooLong", { length: result.length, max: result.maxLength })
        : null;
  const path = quotation === null ? "/check" : `/check?${new URLSearchParams({ q: quotation })}`;

  return (
    <PageShell locale={locale} path={path}>
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("intro")}</p>
      <QuoteCheckForm locale={locale} value={quotation ?? ""} error={error} />
      {result !== null && error === null && (
        <section id="result" aria-labelledby="result-heading" tabIndex={-1} className={styles.result}>
          {result.status === "exact" && (
            <ExactResult
              locale={locale}
              corpus={corpus}
              result={result}
              permalinkId={permalinkId}
              notice={notice}
            />
          )}
          {result.status === "exact-with-ellipsis" && (
            <EllipsisResult
              locale={locale}
              corpus={corpus}
              result={result}
              permalinkId={permalinkId}
              notice={notice}
            />
          )}
          {result.status === "near" && (
            <NearResult
              locale={locale}
              corpus={corpus}
              result={result}
              permalinkId={permalinkId}
              notice={notice}
            />
          )}
          {result.status === "not-found" && (
            <NotFoundResult locale={locale} corpus={corpus} result={result} quotation={quotation ?? ""} />
          )}
        </section>
      )}
    </PageShell>
  );
}
