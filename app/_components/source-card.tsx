import Link from "next/link";
import type { Locale, SourceSummary } from "@/lib/sources/types";
import { sourcePath } from "../_lib/source-path";
import { SourceKindLine } from "./source-kind-line";
import { SourceMetadata } from "./source-metadata";
import styles from "./source-card.module.css";

/** One source in the library: kind and language, title (a link to the reader), subject, key facts. */
export function SourceCard({ locale, source }: { locale: Locale; source: SourceSummary }) {
  const headingId = `source-${source.slug}`;
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <SourceKindLine locale={locale} source={source} className={styles.kind} />
      <h2 id={headingId} className={styles.title}>
        <Link href={sourcePath(locale, source.slug)}>{source.title[locale]}</Link>
      </h2>
      <p className={styles.about}>{source.about[locale]}</p>
      <SourceMetadata locale={locale} source={source} detail="brief" />
    </article>
  );
}
