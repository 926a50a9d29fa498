"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { ReplyView } from "@/lib/annotations/types";
import { personName } from "../../people/person-name";
import { EntryContent } from "./entry-content";
import { EntryMeta } from "./entry-meta";
import styles from "./card.module.css";

interface ReplyItemProps {
  reply: ReplyView;
  /** Focus goes back to the thread once this reply is deleted. */
  onDeleted: () => void;
}

/** One reply of a thread: its author, date, body and the actions its permissions allow. */
export function ReplyItem({ reply, onDeleted }: ReplyItemProps) {
  const t = useTranslations("annotations.card");
  const tPeople = useTranslations("people");
  const labelId = useId();
  return (
    <article aria-labelledby={labelId} className={styles.reply} data-hidden={reply.hidden ? "" : undefined}>
      <header className={styles.replyHeader}>
        <p id={labelId} className={styles.author}>
          <span className="visually-hidden">{t("replyBy")} </span>
          {personName(reply.author, tPeople)}
          {reply.mine && <span className={styles.you}> ({t("you")})</span>}
        </p>
        <EntryMeta entry={reply} />
      </header>
      <EntryContent entry={reply} labelId={labelId} onDeleted={onDeleted} />
    </article>
  );
}
