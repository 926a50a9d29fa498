import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { textFileName, textPath, type TextFormat } from "@/lib/texts/text-formats";
import type { Locale } from "@/lib/sources/types";
import styles from "./text-downloads.module.css";

const FORMATS = [
  ["txt", "downloadTxt", "downloadTxtTitle"],
  ["tei", "downloadTei", "downloadTeiTitle"],
  ["json", "downloadJson", "downloadJsonTitle"],
] as const satisfies readonly [TextFormat, string, string][];

/** "Download this text: TXT · TEI · JSON": the edition shown, pinned, in each of its data formats. */
export async function TextDownloads({
  locale,
  slug,
  editionNumber,
}: {
  locale: Locale;
  slug: string;
  editionNumber: number;
}) {
  const t = await getTranslations({ locale, namespace: "source" });
  return (
    <p className={styles.downloads}>
      {t("downloadLabel")}:{" "}
      {FORMATS.map(([format, label, title], index) => (
        <Fragment key={format}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <a
            href={textPath(slug, editionNumber, format)}
            download={textFileName(slug, editionNumber, format)}
          >
            {t(label)}
            <span className="visually-hidden">{` (${t(title, { number: editionNumber })})`}</span>
          </a>
        </Fragment>
      ))}
    </p>
  );
}
