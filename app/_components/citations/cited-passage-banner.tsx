import { getTranslations } from "next-intl/server";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import type { ResolvedPermalink } from "@/lib/permalinks/resolve-permalink";
import type { Locale } from "@/lib/sources/types";
import { CitationBlock } from "./citation-block";
import { quoteMarks } from "./quote-marks";
import { CitedByList } from "./cited-by-list";
import { CITED_PASSAGE_BANNER_ID } from "./cited-passage-id";
import styles from "./cited-passage-banner.module.css";

interface CitedPassageBannerProps {
  locale: Locale;
  permalink: ResolvedPermalink;
  /** The pinned passage's citation (from `citePassage`). */
  citation: PassageCitation;
  /** The language of the source's text. */
  language: string;
}

/**
 * What a permalink's page says about its passage, above the text: the quotation, where it is, whether
 * the edition's text still matches the hash recorded with the link, where the passage is shown (a
 * newer edition, or the pinned one when the newer no longer has it), and how to cite it (behind a
 * disclosure, so the banner and the passage fit on one screen). This region is what tells assistive
 * technology which words are cited; the highlight in the text only shows it.
 */
export async function CitedPassageBanner({ locale, permalink, citation, language }: CitedPassageBannerProps) {
  const t = await getTranslations({ locale, namespace: "cite" });
  const { pinned, shown } = permalink;
  const [open, close] = quoteMarks(locale);
  return (
    <section id={CITED_PASSAGE_BANNER_ID} aria-labelledby="cited-heading" className={styles.banner}>
      <h2 id="cited-heading" className={styles.heading}>
        {t("bannerHeading")}
      </h2>
      <figure className={styles.passage}>
        <blockquote lang={language} className={styles.quote}>
          <p>
            {open}
            {pinned.quote}
            {close}
          </p>
        </blockquote>
        <figcaption className={styles.place}>
          {t.rich("place", {
            title: citation.title,
            edition: pinned.editionNumber,
            locator: citation.locator,
            cite: (chunks) => <cite>{chunks}</cite>,
          })}
        </figcaption>
      </figure>
      {permalink.verified ? (
        <p className={styles.verified}>
          <span aria-hidden="true">✓ </span>
          {t("verified", { edition: pinned.editionNumber })}
        </p>
      ) : (
        <p className={styles.warning}>
          <span aria-hidden="true">⚠ </span>
          {t("notVerified", { edition: pinned.editionNumber })}
        </p>
      )}
      {permalink.movedToNewer && (
        <p className={styles.note}>
          {t("movedToNewer", { cited: pinned.editionNumber, shown: shown.editionNumber })}
        </p>
      )}
      {permalink.notInNewer && (
        <p className={styles.note}>
          {t("notInNewer", { cited: pinned.editionNumber, latest: permalink.latestEditionNumber })}
        </p>
      )}
      <p className={styles.jump}>
        <a href={`#s-${shown.firstSentence}`}>{t("goToPassage")}</a>
      </p>
      <details className={styles.cite}>
        <summary className={styles.summary}>{t("bannerCite")}</summary>
        <CitationBlock citation={citation} />
      </details>
      <CitedByList permalinkId={permalink.id} />
    </section>
  );
}
