import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { formatSourceDate } from "@/lib/sources/format-source-date";
import type { Locale, SourceSummary } from "@/lib/sources/types";
import styles from "./source-metadata.module.css";

interface SourceMetadataProps {
  locale: Locale;
  source: SourceSummary;
  /** The full record (reader) or the short one (library card). */
  detail: "full" | "brief";
}

/**
 * The source in one line (date, place, issuer), for the top of the reader, where the full record is
 * folded so the text starts on the first screen.
 */
export function SourceMetadataLine({ locale, source }: { locale: Locale; source: SourceSummary }) {
  return (
    <p className={styles.line}>
      <time dateTime={source.date}>{formatSourceDate(source.date, locale)}</time>
      <span aria-hidden="true"> · </span>
      {source.place[locale]}
      <span aria-hidden="true"> · </span>
      {source.issuer[locale]}
    </p>
  );
}

/** "Issued by", or "Signatory" / "Signatories" for a text its issuers signed (one name per `;`). */
function issuerLabel(
  t: Awaited<ReturnType<typeof getTranslations<"source">>>,
  source: SourceSummary,
): string {
  if (source.issuerRole === "issuer") return t("issuer");
  return t("signatories", { count: source.issuer.en.split(";").filter((name) => name.trim()).length });
}

/** A source's descriptive metadata as a description list. */
export async function SourceMetadata({ locale, source, detail }: SourceMetadataProps) {
  const t = await getTranslations({ locale, namespace: "source" });
  const length = t("length", {
    sentences: t("sentences", { count: source.sentenceCount }),
    words: t("words", { count: source.wordCount }),
  });
  const rows: [label: string, value: ReactNode][] = [
    [
      t("date"),
      <time key="date" dateTime={source.date}>
        {formatSourceDate(source.date, locale)}
      </time>,
    ],
    [t("place"), source.place[locale]],
    [issuerLabel(t, source), source.issuer[locale]],
    [t("lengthLabel"), length],
  ];
  if (detail === "full") {
    rows.unshift([t("about"), source.about[locale]]);
    rows.push(
      [t("publication"), source.publication[locale]],
      [t("licence"), source.licence[locale]],
      [t("edition"), t("editionNumber", { number: source.editionNumber })],
    );
  }
  return (
    <dl className={detail === "full" ? styles.full : styles.brief}>
      {rows.map(([label, value]) => (
        <div key={label} className={styles.row}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
