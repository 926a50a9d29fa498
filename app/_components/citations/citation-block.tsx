"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import { CopyButton } from "./copy-button";
import { downloadFile } from "./download-file";
import { useHydrated } from "./use-hydrated";
import styles from "./citation-block.module.css";

type StyleKey = keyof PassageCitation["styles"];

/** The styles, grouped by the guide that defines them, in the order a student looks for them. */
const STYLE_GROUPS: { group: "chicago" | "mla" | "apa"; styles: StyleKey[] }[] = [
  { group: "chicago", styles: ["chicago-note", "chicago-short-note", "chicago-bibliography"] },
  { group: "mla", styles: ["mla", "mla-in-text"] },
  { group: "apa", styles: ["apa", "apa-in-text"] },
];

/** The reference-manager files, with their extension and media type. */
const FILES: { format: keyof PassageCitation["exports"]; extension: string; type: string }[] = [
  { format: "bibtex", extension: "bib", type: "application/x-bibtex" },
  { format: "ris", extension: "ris", type: "application/x-research-info-systems" },
  { format: "cslJson", extension: "json", type: "application/vnd.citationstyles.csl+json" },
];

/** "kuty-directive-2.bib", "kuty-directive-3-4.ris": the source and the sentences cited. */
function fileName(citation: PassageCitation, extension: string): string {
  const { slug, firstSentence, lastSentence } = citation;
  const sentences = firstSentence === lastSentence ? `${firstSentence}` : `${firstSentence}-${lastSentence}`;
  return `${slug}-${sentences}.${extension}`;
}

/**
 * A passage's citation in every style (each with "Copy", as plain and rich text), its BibTeX, RIS
 * and CSL-JSON files, its permalink and its text-fragment link: the body of the cite dialog and of
 * the permalink page. Headings are h3 (guides) and h4 (styles), under the h2 of either. The
 * citations' HTML comes from the server, where citation-js escapes the metadata. Copying and
 * downloading appear once the page can do them.
 */
export function CitationBlock({ citation }: { citation: PassageCitation }) {
  const t = useTranslations("cite");
  const hydrated = useHydrated();

  function download(event: MouseEvent<HTMLButtonElement>, file: (typeof FILES)[number]) {
    downloadFile(
      event.currentTarget,
      fileName(citation, file.extension),
      file.type,
      citation.exports[file.format],
    );
  }

  return (
    <div className={styles.block}>
      {STYLE_GROUPS.map(({ group, styles: keys }) => (
        <div key={group} className={styles.group}>
          <h3 className={styles.groupHeading}>{t(`groups.${group}`)}</h3>
          <ul className={styles.citations}>
            {keys.map((key) => (
              <li key={key} className={styles.citation} data-style={key}>
                <h4 className={styles.styleHeading}>{t(`styles.${key}`)}</h4>
                <div
                  className={styles.formatted}
                  // citation-js escapes the metadata; only its own <i>, <b>, <sup>, <sub> get through.
                  dangerouslySetInnerHTML={{ __html: citation.styles[key].html }}
                />
                {hydrated && (
                  <CopyButton
                    text={citation.styles[key].text}
                    html={citation.styles[key].html}
                    name={t(`styleNames.${key}`)}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}

      {hydrated && (
        <div className={styles.group}>
          <h3 className={styles.groupHeading}>{t("filesHeading")}</h3>
          <ul className={styles.files}>
            {FILES.map((file) => (
              <li key={file.format}>
                <button type="button" className={styles.button} onClick={(event) => download(event, file)}>
                  {t("download", { format: t(`formats.${file.format}`) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.group}>
        <h3 className={styles.groupHeading}>{t("linksHeading")}</h3>
        <dl className={styles.links}>
          <dt>{t("permalink")}</dt>
          <dd>
            <a href={citation.permalink.url} className={styles.url}>
              {citation.permalink.url}
            </a>
            {hydrated && <CopyButton text={citation.permalink.url} name={t("linkNames.permalink")} />}
            <p className={styles.hint}>{t("permalinkHint", { edition: citation.editionNumber })}</p>
          </dd>
          <dt>{t("textFragment")}</dt>
          <dd>
            <a href={citation.textFragmentUrl} className={styles.url}>
              {citation.textFragmentUrl}
            </a>
            {hydrated && <CopyButton text={citation.textFragmentUrl} name={t("linkNames.textFragment")} />}
            <p className={styles.hint}>{t("textFragmentHint")}</p>
          </dd>
        </dl>
      </div>
    </div>
  );
}
