"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/import/import-report";
import type { Locale } from "@/lib/i18n/routing";
import formStyles from "../forms/forms.module.css";
import { useMessageText } from "../forms/use-message-text";
import styles from "./import-form.module.css";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; report: ImportReport }
  | { kind: "failed"; error: string };

/**
 * The import form: the file, where it goes, who reads it, and the source for entries that name none
 * of Glossa's; sends the file as the body of POST /api/imports and shows its report (announced).
 */
export function ImportForm({
  locale,
  groups,
  sources,
}: {
  locale: Locale;
  groups: { id: string; name: string }[];
  sources: { slug: string; title: string }[];
}) {
  const t = useTranslations("import");
  const errorText = useMessageText("errors");
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [into, setInto] = useState("mine");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ kind: "failed", error: t("chooseFile") });
      return;
    }
    setOutcome({ kind: "busy" });
    const query = new URLSearchParams({
      into: String(form.get("into") ?? "mine"),
      visibility: String(form.get("visibility") ?? "private"),
      source: String(form.get("source") ?? ""),
      locale,
    });
    try {
      const response = await fetch(`/api/imports?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const answer = (await response.json()) as
        ImportReport | { error: { message: string; details: { retryAfterSeconds?: number } | null } };
      if ("error" in answer) {
        // A limit's refusal says how many minutes to wait; other messages take no values.
        const minutes = Math.ceil((answer.error.details?.retryAfterSeconds ?? 60) / 60);
        setOutcome({ kind: "failed", error: errorText(answer.error.message, { minutes }) });
      } else {
        setOutcome({ kind: "done", report: answer });
      }
    } catch {
      setOutcome({ kind: "failed", error: errorText("networkError") });
    }
  }

  return (
    <>
      <form
        onSubmit={(event) => void submit(event)}
        className={formStyles.form}
        aria-labelledby="import-heading"
      >
        <div className={formStyles.field}>
          <label htmlFor={`${id}-file`}>{t("file")}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
          />
        </div>
        <div className={formStyles.field}>
          <label htmlFor={`${id}-into`}>{t("into")}</label>
          <select
            id={`${id}-into`}
            name="into"
            value={into}
            onChange={(event) => setInto(event.target.value)}
          >
            <option value="mine">{t("mine")}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <div className={formStyles.field}>
          <label htmlFor={`${id}-visibility`}>{t("visibility")}</label>
          <select id={`${id}-visibility`} name="visibility" defaultValue="private" disabled={into === "mine"}>
            <option value="private">{t("visibilityPrivate")}</option>
            <option value="group">{t("visibilityGroup")}</option>
            <option value="instructors">{t("visibilityInstructors")}</option>
          </select>
        </div>
        <div className={formStyles.field}>
          <label htmlFor={`${id}-source`}>{t("source")}</label>
          <select id={`${id}-source`} name="source" defaultValue="" aria-describedby={`${id}-source-hint`}>
            <option value="">{t("sourceFromFile")}</option>
            {sources.map((source) => (
              <option key={source.slug} value={source.slug}>
                {source.title}
              </option>
            ))}
          </select>
          <p id={`${id}-source-hint`} className={formStyles.hint}>
            {t("sourceHint")}
          </p>
        </div>
        <button type="submit" className={formStyles.primary} disabled={outcome.kind === "busy"}>
          {outcome.kind === "busy" ? t("importing") : t("submit")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {outcome.kind === "failed" && (
          <p className={styles.failed}>{t("failed", { error: outcome.error })}</p>
        )}
        {outcome.kind === "done" && <Report report={outcome.report} />}
      </div>
    </>
  );
}

function Report({ report }: { report: ImportReport }) {
  const t = useTranslations("import");
  return (
    <section aria-labelledby="import-report-heading" className={styles.report}>
      <h3 id="import-report-heading">{t("reportHeading")}</h3>
      <p>{t("imported", { threads: report.imported, replies: report.replies })}</p>
      {report.imported > 0 && <p>{t("placed", report.placed)}</p>}
      {report.duplicates > 0 && <p>{t("duplicates", { count: report.duplicates })}</p>}
      {report.orphans.length > 0 && (
        <>
          <h4>{t("orphansHeading", { count: report.orphans.length })}</h4>
          <p>{t("orphansHint")}</p>
          <ul>
            {report.orphans.map((orphan) => (
              <li key={orphan.index}>
                {t("orphan", {
                  index: orphan.index,
                  source: orphan.source,
                  quote: orphan.quote.length > 120 ? `${orphan.quote.slice(0, 117)}…` : orphan.quote,
                  reason: t(`orphanReasons.${orphan.reason}`),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.rejected.length > 0 && (
        <>
          <h4>{t("rejectedHeading", { count: report.rejected.length })}</h4>
          <ul>
            {report.rejected.map((entry) => (
              <li key={entry.index}>
                {t("rejected", { index: entry.index, reason: t(`reasons.${entry.reason}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
