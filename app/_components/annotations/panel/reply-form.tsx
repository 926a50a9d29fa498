"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { replyToAnnotation } from "../data/api-client";
import { EntryForm } from "./entry-form";
import { usePanel } from "./panel-context";
import styles from "./card.module.css";

interface ReplyFormProps {
  annotationId: string;
  /** Closes the form (after posting or on Cancel); `posted` says which. */
  onClose: (posted: boolean) => void;
}

/** The form for a reply under an annotation: the editor, Post and Cancel. */
export function ReplyForm({ annotationId, onClose }: ReplyFormProps) {
  const t = useTranslations("annotations");
  const { announce, onChanged, group } = usePanel();
  const labelId = useId();
  return (
    <div className={styles.replyForm}>
      <p id={labelId} className="visually-hidden">
        {t("actions.replyHeading")}
      </p>
      <EntryForm
        labelledBy={labelId}
        initial={{ kind: "comment", visibility: "private", tags: [], tagText: "", body: null }}
        withKindAndTags={false}
        group={null}
        mentionGroupId={group?.id}
        bodyLabel={() => t("form.bodyReply")}
        submitLabel={() => t("actions.postReply")}
        send={async (values) => {
          if (values.body) await replyToAnnotation(annotationId, values.body);
          announce(t("announce.replied"));
          onClose(true);
          onChanged();
        }}
        onCancel={() => onClose(false)}
      />
    </div>
  );
}
