"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { fetchRevisions } from "../api-client";
import { type Entry, isAnnotation } from "./entry";
import { problemsFrom } from "./form-problems";
import { RelativeTime } from "./relative-time";
import { RevisionHistory, type RevisionsState } from "./revision-history";
import { VisibilityIcon } from "./visibility-icon";
import styles from "./card.module.css";

/**
 * The line under an annotation's or reply's author: when it was written, who can see it (annotations)
 * and, when it was changed since, an "edited" button that opens its earlier versions.
 */
export function EntryMeta({ entry }: { entry: Entry }) {
  const t = useTranslations("annotations");
  const historyId = useId();
  const [history, setHistory] = useState<RevisionsState | null>(null);

  async function load() {
    setHistory({ status: "loading" });
    try {
      const { revisions } = await fetchRevisions(entry.id);
      setHistory({ status: "loaded", revisions });
    } catch (error) {
      setHistory({ status: "error", message: problemsFrom(error)[0]?.message ?? "generic" });
    }
  }

  const visibilityKey = entry.mine ? "visibility" : "visibilityOthers";
  return (
    <>
      <p className={styles.meta}>
        <RelativeTime iso={entry.createdAt} />
        {isAnnotation(entry) && (
          <>
            <span aria-hidden="true"> · </span>
            <span className={styles.visibility}>
              <VisibilityIcon visibility={entry.visibility} />
              <span className="visually-hidden">{t("card.visibleTo")} </span>
              {entry.groupId === null ? t("card.personalNote") : t(`${visibilityKey}.${entry.visibility}`)}
            </span>
          </>
        )}
        {entry.editedAt && !entry.deleted && (
          <>
            <span aria-hidden="true"> · </span>
            <button
              type="button"
              className={styles.edited}
              aria-expanded={history !== null}
              aria-controls={history ? historyId : undefined}
              onClick={() => (history ? setHistory(null) : void load())}
            >
              {t("card.edited")}
              <span className="visually-hidden"> {t("card.showHistory")}</span>
            </button>
          </>
        )}
      </p>
      {history && (
        <RevisionHistory
          id={historyId}
          state={history}
          withKindAndTags={isAnnotation(entry)}
          onRetry={() => void load()}
        />
      )}
    </>
  );
}
