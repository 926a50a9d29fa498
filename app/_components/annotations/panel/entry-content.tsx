"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, type RefObject, useId, useRef, useState } from "react";
import type { AnnotationVisibility } from "@/lib/annotations/types";
import { flushSync } from "react-dom";
import { useMessageText } from "../../forms/use-message-text";
import { deleteAnnotation, unhideAnnotation, updateAnnotation } from "../data/api-client";
import { DeleteConfirm } from "./delete-confirm";
import { type Entry, isAnnotation } from "./entry";
import { EntryForm } from "./entry-form";
import { problemsFrom } from "./form-problems";
import { HiddenBanner } from "./hidden-banner";
import { HideForm } from "./hide-form";
import { usePanel } from "./panel-context";
import { WidenConfirm, widens } from "./widen-confirm";
import styles from "./card.module.css";

type Mode = "view" | "edit" | "delete" | "hide";

interface EntryContentProps {
  entry: Entry;
  /** The id of the element that names the card or reply (the actions are described by it). */
  labelId: string;
  /** Shown under the body while not editing (an annotation's tags). */
  footer?: ReactNode;
  /** An annotation's "Reply" button opens the reply form (owned by the card). */
  onReply?: () => void;
  /** The Reply button, for focus to come back to when the reply form closes. */
  replyButtonRef?: RefObject<HTMLButtonElement | null>;
  /** Where focus goes once the entry is deleted (its buttons are gone). */
  onDeleted: () => void;
}

/**
 * What an annotation and a reply share below their header: the hidden notice, the body (or the
 * "deleted" notice), and the actions their permissions allow, each opening in place: Edit (the
 * entry's own form), Delete (asks first), Hide (asks for a reason) or Unhide, and Reply.
 */
export function EntryContent({
  entry,
  labelId,
  footer,
  onReply,
  replyButtonRef,
  onDeleted,
}: EntryContentProps) {
  const t = useTranslations("annotations");
  const errorText = useMessageText("errors");
  const { announce, onChanged, group } = usePanel();
  const editLabelId = useId();
  const [mode, setMode] = useState<Mode>("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Widening a thread with replies waits for the author's answer (the form stays as it is). */
  const [widening, setWidening] = useState<{
    to: AnnotationVisibility;
    answer: (ok: boolean) => void;
  } | null>(null);
  const editing = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const moderateButton = useRef<HTMLButtonElement>(null);
  const root = isAnnotation(entry);
  const what = root ? "annotation" : "reply";

  /** Closes the open form and gives focus back to the button that opened it. */
  function close(button: RefObject<HTMLButtonElement | null>) {
    flushSync(() => setMode("view"));
    button.current?.focus();
  }

  function open(next: Mode) {
    setError(null);
    setMode(next);
  }

  async function run(request: () => Promise<unknown>, done: () => void) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await request();
      done();
      onChanged();
    } catch (failure) {
      setError(problemsFrom(failure)[0]?.message ?? "generic");
    } finally {
      setBusy(false);
    }
  }

  /** Asks before showing an annotation with replies to more people; true to go on. */
  async function confirmWidening(to: AnnotationVisibility): Promise<boolean> {
    if (!root || entry.replies.length === 0 || !widens(entry.visibility, to)) return true;
    const ok = await new Promise<boolean>((answer) => setWidening({ to, answer }));
    flushSync(() => setWidening(null));
    if (!ok) editing.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    return ok;
  }

  if (mode === "edit") {
    return (
      <div ref={editing} className={styles.editing}>
        <p id={editLabelId} className="visually-hidden">
          {t("actions.editHeading", { what })}
        </p>
        <EntryForm
          labelledBy={editLabelId}
          initial={{
            kind: root ? entry.kind : "comment",
            visibility: root ? entry.visibility : "private",
            tags: root ? entry.tags : [],
            tagText: "",
            body: entry.body,
          }}
          withKindAndTags={root}
          group={root && entry.groupId === null ? null : group}
          mentionGroupId={root && entry.groupId === null ? null : group?.id}
          bodyLabel={(values) =>
            t(
              !root
                ? "form.bodyReply"
                : values.kind === "question"
                  ? "form.bodyQuestion"
                  : "form.bodyComment",
            )
          }
          submitLabel={() => t("actions.saveChanges")}
          send={async (values) => {
            if (!(await confirmWidening(values.visibility))) return;
            await updateAnnotation(
              entry.id,
              root
                ? {
                    kind: values.kind,
                    visibility: values.visibility,
                    tags: values.tags,
                    body: values.kind === "highlight" ? null : values.body,
                  }
                : { body: values.body },
            );
            announce(t("announce.updated", { what }));
            close(editButton);
            onChanged();
          }}
          onCancel={() => close(editButton)}
        />
        {widening && root && (
          <WidenConfirm
            to={widening.to}
            replies={entry.replies.length}
            onConfirm={() => widening.answer(true)}
            onCancel={() => widening.answer(false)}
          />
        )}
      </div>
    );
  }

  const can = entry.can;
  const actions = !entry.deleted && (can.edit || can.delete || can.moderate);
  return (
    <>
      {entry.hidden && <HiddenBanner hidden={entry.hidden} />}
      {entry.deleted ? (
        <p className={styles.tombstone}>{t("card.deleted", { what })}</p>
      ) : (
        entry.bodyHtml && (
          // HTML the server rendered from the validated document: no other HTML is ever inserted.
          <div className={styles.body} dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
        )
      )}
      {!entry.deleted && footer}
      {(actions || (onReply && can.reply)) && mode === "view" && (
        <div className={styles.actions}>
          {onReply && can.reply && (
            <button
              ref={replyButtonRef}
              type="button"
              className={styles.action}
              aria-describedby={labelId}
              onClick={onReply}
            >
              {t("actions.reply")}
            </button>
          )}
          {actions && can.edit && (
            <button
              ref={editButton}
              type="button"
              className={styles.action}
              aria-describedby={labelId}
              onClick={() => open("edit")}
            >
              {t("actions.edit")}
            </button>
          )}
          {actions && can.delete && (
            <button
              ref={deleteButton}
              type="button"
              className={styles.action}
              aria-describedby={labelId}
              onClick={() => open("delete")}
            >
              {t("actions.delete")}
            </button>
          )}
          {actions && can.moderate && (
            <button
              ref={moderateButton}
              type="button"
              className={styles.action}
              aria-describedby={labelId}
              aria-disabled={busy || undefined}
              onClick={() =>
                entry.hidden
                  ? void run(
                      () => unhideAnnotation(entry.id),
                      () => announce(t("announce.unhidden", { what })),
                    )
                  : open("hide")
              }
            >
              {entry.hidden ? t("actions.unhide") : t("actions.hide")}
            </button>
          )}
        </div>
      )}
      {mode === "view" && error && (
        <p role="alert" className={styles.error}>
          {errorText(error)}
        </p>
      )}
      {mode === "delete" && (
        <DeleteConfirm
          what={what}
          keepsReplies={root && entry.replies.length > 0}
          busy={busy}
          error={error}
          onConfirm={() =>
            void run(
              () => deleteAnnotation(entry.id),
              () => {
                announce(t("announce.deleted", { what }));
                setMode("view");
                onDeleted();
              },
            )
          }
          onCancel={() => close(deleteButton)}
        />
      )}
      {mode === "hide" && (
        <HideForm
          entryId={entry.id}
          what={what}
          onHidden={() => {
            announce(t("announce.hidden", { what }));
            close(moderateButton);
            onChanged();
          }}
          onCancel={() => close(moderateButton)}
        />
      )}
    </>
  );
}
