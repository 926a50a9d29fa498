import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { QuoteMatch } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";
import { readerPath } from "./passage-place";

interface PassageLinksProps {
  locale: Locale;
  match: QuoteMatch;
  /**
   * The id of the passage's permalink, whose page shows its citation in every style; null when the
   * reader has made too many links in a short time (the reader's own "Cite" still works).
   */
  permalinkId: string | null;
}

/** "Cite this passage" (its permalink page) and "Open in the reader" (at its first sentence). */
export async function PassageLinks({ locale, match, permalinkId }: PassageLinksProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  return (
    <ul className={styles.links}>
      <li>
        {permalinkId === null ? (
          t("citeLimited")
        ) : (
          <Link
            href={`/${locale}/p/${encodeURIComponent(permalinkId)}`}
            prefetch={false}
            className={styles.cite}
          >
            {t("cite")}
          </Link>
        )}
      </li>
      <li>
        <Link href={readerPath(match, locale)}>{t("openInReader")}</Link>
      </li>
    </ul>
  );
}
