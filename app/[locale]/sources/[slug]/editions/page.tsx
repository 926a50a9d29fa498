import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { textPath } from "@/lib/texts/text-formats";
import pageStyles from "../../../../_components/account-page.module.css";
import { editionsPath } from "../../../../_components/editions/editions-path";
import styles from "../../../../_components/editions/editions.module.css";
import { PageShell } from "../../../../_components/page-shell";
import { loadSourceEditions } from "../../../../_lib/load-source-editions";
import { resolveLocale } from "../../../../_lib/resolve-locale";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

// Rendered for each request: a group's own source is listed for its members only.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const source = (await loadSourceEditions(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "editions" });
  return { title: t("listTitle", { title: source.title[locale] }) };
}

/**
 * `/{locale}/sources/{slug}/editions`: the source's editions, oldest first (number, date, who
 * published it where names are shown, sentence count), each readable, each compared with the one
 * before. 404 wherever the source itself is.
 */
export default async function EditionsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const source = (await loadSourceEditions(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "editions" });
  const title = source.title[locale];
  const latest = source.editions.at(-1)?.number;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  return (
    <PageShell locale={locale} path={editionsPath(source.slug)}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/sources/${source.slug}`}>{t("backToSource", { title })}</Link>
      </p>
      <h1>{t("listHeading", { title })}</h1>
      <p>{t("listIntro")}</p>
      <table className={pageStyles.table}>
        <caption className="visually-hidden">{t("listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columnEdition")}</th>
            <th scope="col">{t("columnDate")}</th>
            <th scope="col">{t("columnPublisher")}</th>
            <th scope="col">{t("columnSentences")}</th>
            <th scope="col">{t("columnLinks")}</th>
          </tr>
        </thead>
        <tbody>
          {source.editions.map((edition, index) => {
            const previous = source.editions[index - 1]?.number;
            return (
              <tr key={edition.number}>
                <th scope="row">
                  {t("editionNumber", { number: edition.number })}
                  {edition.number === latest && ` (${t("latest")})`}
                </th>
                <td>
                  <time dateTime={edition.createdAt}>{date.format(new Date(edition.createdAt))}</time>
                </td>
                <td>{edition.publishedBy ?? (edition.revision ? t("revision") : t("firstEdition"))}</td>
                <td>{t("sentences", { count: edition.sentenceCount })}</td>
                <td>
                  <ul className={styles.links}>
                    <li>
                      {edition.number === latest ? (
                        <Link href={`/${locale}/sources/${source.slug}`}>
                          {t("readInReader")}
                          <span className="visually-hidden">
                            {" "}
                            ({t("readHidden", { number: edition.number })})
                          </span>
                        </Link>
                      ) : (
                        <a href={textPath(source.slug, edition.number, "txt")}>
                          {t("readAsText")}
                          <span className="visually-hidden">
                            {" "}
                            ({t("readHidden", { number: edition.number })})
                          </span>
                        </a>
                      )}
                    </li>
                    {previous !== undefined && (
                      <li>
                        <Link
                          href={`/${locale}${editionsPath(source.slug, { from: previous, to: edition.number })}`}
                        >
                          {t("compareWithPrevious", { previous })}
                          <span className="visually-hidden">
                            {" "}
                            ({t("compareHidden", { number: edition.number, previous })})
                          </span>
                        </Link>
                      </li>
                    )}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </PageShell>
  );
}
