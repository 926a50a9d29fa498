"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { AnnotationView } from "@/lib/annotations/types";
import { useCiting } from "../../citations/citing-context";
import { personName } from "../../people/person-name";
import { EntryContent } from "./entry-content";
import { EntryMeta } from "./entry-meta";
import { MarkActions } from "./mark-actions";
import { cardElementId, usePanel } from "./panel-context";
import { QuoteBlock } from "./quote-block";
import { ReplyForm } from "./reply-form";
import { ReplyItem } from "./reply-item";
import { TagChips } from "./tag-chips";
import styles from "./card.module.css";
import passageStyles from "./passage-actions.module.css";

/**
 * One annotation with its thread: kind and author, date, visibility, the quoted passage ("Show in
 * text" scrolls the text to it, "Cite" opens the cite dialog for it; an orphan's passage is not in
 * this edition), the body, tags, the actions its permissions allow, the replies and the reply form.
 * "Helpful" marks and the staff's highlight follow the body (a highlighted note says so at the top).
 * Work from a group the reader has left says so (read-only); a thread withheld from the reader shows
 * only the passage and their own replies.
 */
export function AnnotationCard({
  annotation,
  headingLevel,
  updating = false,
}: {
  annotation: AnnotationView;
  /** 3 in the main list, 4 under a heading of the panel (the focus, orphans). */
  headingLevel: 3 | 4;
  /** The thread has changed and its newer card is on its way (this one stays until it comes). */
  updating?: boolean;
}) {
  const Heading = headingLevel === 4 ? "h4" : "h3";
  const t = useTranslations("annotations");
  const tCite = useTranslations("cite");
  const tPeople = useTranslations("people");
  const { onShowInText, focusPanel, sourceLanguage } = usePanel();
  const citing = useCiting();
  const titleId = useId();
  const [replying, setReplying] = useState(false);
  const card = useRef<HTMLElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const { anchor } = annotation;
  const orphan = anchor.status === "orphan";

  function closeReply(posted: boolean) {
    flushSync(() => setReplying(false));
    // After posting, the card (the new reply is about to appear in it); after Cancel, the button.
    if (posted) card.current?.focus();
    else replyButton.current?.focus();
  }

  return (
    <article
      ref={card}
      id={cardElementId(annotation.id)}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-busy={updating || undefined}
      className={styles.card}
      data-kind={annotation.kind}
      data-hidden={annotation.hidden ? "" : undefined}
      data-featured={annotation.featured.featured ? "" : undefined}
    >
      <header className={styles.header}>
        {annotation.withheld ? (
          <Heading id={titleId} className={styles.title}>
            {t("card.withheldTitle")}
          </Heading>
        ) : (
          <Heading id={titleId} className={styles.title}>
            <span className={styles.kind} data-kind={annotation.kind}>
              {t(`kinds.${annotation.kind}`)}
              <span className="visually-hidden">,</span>
            </span>
            <span className={styles.author}>
              {personName(annotation.author, tPeople)}
              {annotation.mine && <span className={styles.you}> ({t("card.you")})</span>}
            </span>
          </Heading>
        )}
        {annotation.featured.featured && <p className={styles.featuredNote}>{t("marks.featured")}</p>}
        {!annotation.withheld && <EntryMeta entry={annotation} />}
        {annotation.leftGroup && <p className={styles.orphanNote}>{t("card.leftGroup")}</p>}
      </header>
      <QuoteBlock
        quote={annotation.quote.exact}
        lang={sourceLanguage}
        onClick={orphan ? undefined : () => onShowInText(annotation.id)}
      />
      {orphan ? (
        <p className={styles.orphanNote}>{t("card.orphanNote", { edition: annotation.editionNumber })}</p>
      ) : (
        <div className={passageStyles.actions}>
          <button
            type="button"
            className={styles.showInText}
            aria-describedby={titleId}
            onClick={() => onShowInText(annotation.id)}
          >
            {t("card.showInText")}
          </button>
          {citing && anchor.status === "anchored" && (
            <button
              type="button"
              className={styles.showInText}
              aria-describedby={titleId}
              onClick={(event) => citing.cite({ start: anchor.start, end: anchor.end }, event.currentTarget)}
            >
              {tCite("citeAnnotation")}
            </button>
          )}
        </div>
      )}
      {annotation.withheld ? (
        <p className={styles.orphanNote}>{t("card.withheldNote")}</p>
      ) : (
        <EntryContent
          entry={annotation}
          labelId={titleId}
          footer={<TagChips tags={annotation.tags} />}
          onReply={replying ? undefined : () => setReplying(true)}
          replyButtonRef={replyButton}
          onDeleted={focusPanel}
        />
      )}
      <MarkActions annotation={annotation} labelId={titleId} />
      {annotation.replies.length > 0 && (
        <ol className={styles.replies} aria-label={t("card.replies", { count: annotation.replies.length })}>
          {annotation.replies.map((reply) => (
            <li key={reply.id}>
              <ReplyItem reply={reply} onDeleted={() => card.current?.focus()} />
            </li>
          ))}
        </ol>
      )}
      {replying && <ReplyForm annotationId={annotation.id} onClose={closeReply} />}
    </article>
  );
}
