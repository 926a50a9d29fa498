import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { heatLevel } from "@/lib/assignments/heat-map";
import type { ReadingHeat } from "@/lib/assignments/get-reading-heat-map";
import type { Locale } from "@/lib/i18n/routing";
import { sourcePath } from "../../../_lib/source-path";
import pageStyles from "../../../_components/account-page.module.css";
import styles from "./assignments.module.css";

/**
 * The heat map for staff: per reading, a table of its assigned sentences, each with its numbers of
 * notes and questions in text and a shade (darker: more, relative to the busiest sentence of the
 * assignment), and a link to the sentence in the reader. The shade repeats what the numbers say.
 */
export async function ReadingHeatMap({
  locale,
  readings,
}: {
  locale: Locale;
  readings: readonly ReadingHeat[];
}) {
  const t = await getTranslations({ locale, namespace: "assignments.heatMap" });
  const busiest = Math.max(0, ...readings.flatMap((r) => r.sentences.map((s) => s.notes + s.questions)));
  return (
    <section aria-labelledby="heat-map-heading" className={pageStyles.section}>
      <h2 id="heat-map-heading">{t("heading")}</h2>
      <p className={styles.hint}>{t("hint")}</p>
      {readings.map((reading, i) => {
        const title = locale === "pl" ? reading.titlePl : reading.titleEn;
        const drew = reading.sentences.some((s) => s.notes + s.questions > 0);
        return (
          <div key={i} className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>{t("caption", { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sentence")}</th>
                  <th scope="col">{t("notes")}</th>
                  <th scope="col">{t("questions")}</th>
                </tr>
              </thead>
              <tbody>
                {reading.sentences.map((s) => (
                  <tr key={s.number} className={styles[`heat${heatLevel(s.notes + s.questions, busiest)}`]}>
                    <th scope="row">
                      <Link href={sourcePath(locale, reading.sourceSlug, s.number)}>
                        {t("link", { n: s.number })}
                      </Link>
                    </th>
                    <td className={styles.number}>{s.notes}</td>
                    <td className={styles.number}>{s.questions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!drew && <p className={pageStyles.ui}>{t("none")}</p>}
          </div>
        );
      })}
    </section>
  );
}
