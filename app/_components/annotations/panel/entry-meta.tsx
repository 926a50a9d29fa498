"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { fetchRevisions } from "../data/api-client";
import { type Entry, isAnnotation } from "./entry";
import { problemsFrom } from "./form-problems";
import { historyOnShow, type OpenHistory } from "./history-state";
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
  const [open, setOpen] = useState<OpenHistory | null>(null);
  // Another reader's deletion closes it; their edit asks for the versions again.
  const { state: history, reload } = historyOnShow(entry, open);

  /** Reads the versions into the open history (one closed meanwhile stays closed). */
  const read = useCallback(
    (editedAt: string | null) => {
      const settle = (state: RevisionsState) =>
        setOpen((current) => (current ? { state, editedAt } : current));
      fetchRevisions(entry.id).then(
        ({ revisions }) => settle({ status: "loaded", revisions }),
        (error: unknown) =>
          settle({ status: "error", message: problemsFrom(error)[0]?.message ?? "generic" }),
      );
    },
    [entry.id],
  );

  function load() {
    setOpen({ state: { status: "loading" }, editedAt: entry.editedAt });
    read(entry.editedAt);
  }

  // Edited since it was read: the versions shown stay until the new ones come.
  useEffect(() => {
    if (reload) read(entry.editedAt);
  }, [reload, read, entry.editedAt]);

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
              onClick={() => (history ? setOpen(null) : load())}
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
          onRetry={load}
        />
      )}
    </>
  );
}
