"use client";

import { useTranslations } from "next-intl";
import type { RevisionView } from "@/lib/annotations/types";
import { useMessageText } from "../../forms/use-message-text";
import { RelativeTime } from "./relative-time";
import { VisibilityIcon } from "./visibility-icon";
import styles from "./card.module.css";

export type RevisionsState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; revisions: RevisionView[] };

interface RevisionHistoryProps {
  id: string;
  state: RevisionsState;
  /** Whether to show each version's kind, visibility and tags (annotations; replies have none). */
  withKindAndTags: boolean;
  onRetry: () => void;
}

/**
 * The earlier versions of an annotation or reply: each with who changed it and when, and its text
 * (HTML the server rendered from the validated document).
 */
export function RevisionHistory({ id, state, withKindAndTags, onRetry }: RevisionHistoryProps) {
  const t = useTranslations("annotations");
  const errorText = useMessageText("errors");

  return (
    <div id={id} role="group" aria-label={t("history.label")} className={styles.history}>
      {state.status === "loading" && <p role="status">{t("history.loading")}</p>}
      {state.status === "error" && (
        <p role="alert" className={styles.error}>
          {errorText(state.message)}{" "}
          <button type="button" className={styles.action} onClick={onRetry}>
            {t("retry")}
          </button>
        </p>
      )}
      {state.status === "loaded" &&
        (state.revisions.length === 0 ? (
          <p>{t("history.none")}</p>
        ) : (
          <ol className={styles.revisions}>
            {state.revisions.map((revision) => (
              <li key={revision.id} className={styles.revision}>
                <p className={styles.meta}>
                  {t.rich("history.changed", {
                    name: revision.editor.name,
                    time: () => <RelativeTime iso={revision.replacedAt} />,
                  })}
                </p>
                {withKindAndTags && (
                  <p className={styles.meta}>
                    {t(`kinds.${revision.kind}`)} ·{" "}
                    <span className={styles.visibility}>
                      <VisibilityIcon visibility={revision.visibility} />
                      {t(`visibilityOthers.${revision.visibility}`)}
                    </span>
                    {revision.tags.length > 0 && <> · {revision.tags.join(", ")}</>}
                  </p>
                )}
                {revision.bodyHtml ? (
                  <div className={styles.body} dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
                ) : (
                  <p className={styles.meta}>{t("history.noText")}</p>
                )}
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}
