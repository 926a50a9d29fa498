"use client";

import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import type { AnnotationIndexView, AnnotationView } from "@/lib/annotations/types";
import {
  getAnonymousReadings,
  getNoAnonymousReadings,
  pseudonymForSentences,
  subscribeAnonymousReadings,
} from "../../assignments/anonymity-notice-store";
import { createAnnotation } from "../data/api-client";
import type { DraftSelection } from "../reader-types";
import { DraftEdges } from "./draft-edges";
import { EntryForm } from "./entry-form";
import { FieldError } from "./field-error";
import { messagesFor } from "./form-problems";
import { usePanel } from "./panel-context";
import { QuoteBlock } from "./quote-block";
import styles from "./controls.module.css";

interface ComposerProps {
  draft: DraftSelection;
  list: AnnotationIndexView;
  sourceSlug: string;
  editionNumber: number;
  onDraftAdjust: (edge: "start" | "end", direction: -1 | 1) => void;
  onDraftCancel: () => void;
  /** After the annotation was saved (the panel closes the draft, refetches and focuses it). */
  onCreated: (annotation: AnnotationView) => void;
}

/**
 * The form for a new annotation on the selected passage: the quote with its sentences, buttons that
 * move its edges by a word, kind, body, visibility and tags. On a refusal everything typed stays and
 * the problems are shown next to their fields and in a summary.
 */
export function Composer({
  draft,
  list,
  sourceSlug,
  editionNumber,
  onDraftAdjust,
  onDraftCancel,
  onCreated,
}: ComposerProps) {
  const t = useTranslations("annotations");
  const headingId = useId();
  const anonymous = useSyncExternalStore(
    subscribeAnonymousReadings,
    getAnonymousReadings,
    getNoAnonymousReadings,
  );
  // On an anonymous assignment's reading, a group note is shown to classmates under a pseudonym.
  const pseudonym = list.group
    ? pseudonymForSentences(anonymous, draft.firstSentence, draft.lastSentence)
    : null;
  const { sourceLanguage } = usePanel();
  const sentences =
    draft.firstSentence === draft.lastSentence
      ? t("draft.sentence", { number: draft.firstSentence })
      : t("draft.sentences", { first: draft.firstSentence, last: draft.lastSentence });

  return (
    <section aria-labelledby={headingId} className={styles.composer}>
      <h3 id={headingId} className={styles.sectionHeading}>
        {t("draft.heading")}
      </h3>
      <EntryForm
        labelledBy={headingId}
        initial={{
          kind: "comment",
          visibility: list.group ? "group" : "private",
          tags: [],
          tagText: "",
          body: null,
        }}
        withKindAndTags
        group={list.group}
        mentionGroupId={list.group?.id}
        bodyLabel={(values) => t(values.kind === "question" ? "form.bodyQuestion" : "form.bodyComment")}
        submitLabel={(values) => t(values.kind === "highlight" ? "draft.saveHighlight" : "draft.save")}
        send={async (values) => {
          const created = await createAnnotation({
            source: sourceSlug,
            editionNumber,
            groupId: list.group?.id ?? null,
            kind: values.kind,
            visibility: list.group ? values.visibility : "private",
            selectors: {
              quote: {
                type: "TextQuoteSelector",
                exact: draft.exact,
                prefix: draft.prefix,
                suffix: draft.suffix,
              },
              position: { type: "TextPositionSelector", start: draft.start, end: draft.end },
            },
            body: values.kind === "highlight" ? null : values.body,
            tags: values.tags,
          });
          onCreated(created);
        }}
        onCancel={onDraftCancel}
        before={(ids, problems) => (
          <div>
            <p className={styles.sentences}>{sentences}</p>
            {/* Read again when the edges move. */}
            <div aria-live="polite" aria-atomic="true">
              <QuoteBlock id={ids.selectors} quote={draft.exact} lang={sourceLanguage} />
            </div>
            <FieldError id={`${ids.selectors}-error`} messages={messagesFor(problems, "selectors")} />
            <DraftEdges oneWord={!/\s/.test(draft.exact.trim())} onAdjust={onDraftAdjust} />
            {pseudonym !== null && (
              <p className={styles.sentences} role="note">
                {t("draft.anonymous", { number: pseudonym })}
              </p>
            )}
          </div>
        )}
      />
    </section>
  );
}
