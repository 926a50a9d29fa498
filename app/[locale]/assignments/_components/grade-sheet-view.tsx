import { getTranslations } from "next-intl/server";
import type { GradeSheet } from "@/lib/assignments/load-grades";
import type { Locale } from "@/lib/i18n/routing";
import { LocalTime } from "./local-time";
import pageStyles from "../../../_components/account-page.module.css";
import styles from "./assignments.module.css";

/**
 * A student's released grade: the rubric with their points and comments per criterion, the total,
 * and the private feedback to them (on the whole assignment, and on their notes, quoted).
 * `headingLevel` fits the page it is on.
 */
export async function GradeSheetView({
  locale,
  sheet,
  idPrefix,
  headingLevel = 2,
}: {
  locale: Locale;
  sheet: GradeSheet;
  idPrefix: string;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations({ locale, namespace: "assignments.grading" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby={`${idPrefix}-grade`} className={pageStyles.ui}>
      <Heading id={`${idPrefix}-grade`}>{t("yourGrade")}</Heading>
      {sheet.criteria.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("criterionColumn")}</th>
                <th scope="col">{t("pointsColumn")}</th>
                <th scope="col">{t("commentColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {t("criterionMax", { title: c.title, max: c.maxPoints })}
                    {c.description && <p className={styles.hint}>{c.description}</p>}
                  </th>
                  <td className={styles.number}>
                    {c.score ? `${c.score.points} / ${c.maxPoints}` : t("notScored")}
                  </td>
                  <td>{c.score?.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <strong>{t("total", { total: sheet.total, max: sheet.maxTotal })}</strong>
          </p>
        </div>
      )}
      <Sub>{t("feedbackHeading")}</Sub>
      {sheet.feedback.length === 0 ? (
        <p>{t("noFeedback")}</p>
      ) : (
        sheet.feedback.map((f) => (
          <div key={f.id} className={styles.feedback}>
            <p className={styles.hint}>
              {f.annotationId === null
                ? t("feedbackOnAssignment")
                : f.quote
                  ? t("feedbackOnNote", { quote: f.quote })
                  : t("feedbackOnReply")}
              {" · "}
              {f.authorName ?? ""} <LocalTime iso={f.createdAt.toISOString()} zone="UTC" />
            </p>
            <div dangerouslySetInnerHTML={{ __html: f.bodyHtml }} />
          </div>
        ))
      )}
    </section>
  );
}
