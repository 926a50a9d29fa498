import { getTranslations } from "next-intl/server";
import type { Counts } from "@/lib/assignments/progress";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The requirements of an assignment as a list ("At least 2 annotations"), each with the student's
 * progress against it when `progress` is given ("1 of 2").
 */
export async function RequirementList({
  locale,
  requirements,
  progress,
}: {
  locale: Locale;
  requirements: { minAnnotations: number; minReplies: number; minQuestions: number; inEachReading: boolean };
  progress?: Counts;
}) {
  const t = await getTranslations({ locale, namespace: "assignments.requirements" });
  const items = (
    [
      ["annotations", requirements.minAnnotations],
      ["replies", requirements.minReplies],
      ["questions", requirements.minQuestions],
    ] as const
  ).filter(([, min]) => min > 0);
  if (items.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <ul>
        {items.map(([kind, min]) => (
          <li key={kind}>
            {kind === "annotations"
              ? t("annotations", { count: min })
              : kind === "replies"
                ? t("replies", { count: min })
                : t("questions", { count: min })}
            {progress && ` — ${t("progress", { done: progress[kind], count: min })}`}
          </li>
        ))}
      </ul>
      {requirements.inEachReading && <p>{t("inEachReading")}</p>}
    </>
  );
}
