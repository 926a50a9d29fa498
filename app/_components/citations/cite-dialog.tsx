"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import type { Locale } from "@/lib/sources/types";
import { CitationBlock } from "./citation-block";
import { CitationError, fetchCitation, type CitedRange } from "./fetch-citation";
import { quoteMarks } from "./quote-marks";
import styles from "./cite-dialog.module.css";

interface CiteDialogProps {
  passage: CitedRange;
  locale: Locale;
  /** The language of the source's text, for the quotation. */
  language: string;
  /** After the dialog has closed (Escape, "Close"): the caller unmounts it. */
  onClose: () => void;
}

type CitationState =
  | { status: "loading" }
  /** `waitMinutes`: refused by the rate limit (429), to try again after that many minutes. */
  | { status: "failed"; waitMinutes: number | null }
  | { status: "ready"; citation: PassageCitation };

/** Whole minutes to wait after a 429 (at least 1; 1 when the answer did not say). */
function waitMinutesOf(error: unknown): number | null {
  if (!(error instanceof CitationError) || error.status !== 429) return null;
  return Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
}

/**
 * The cite dialog: a native modal <dialog> (the browser keeps focus inside it, Escape closes it and
 * focus goes back to what had it) showing the passage's exact quotation, where it is (source,
 * edition, sentences) and its citation in every style, fetched from the server when it opens.
 */
export function CiteDialog({ passage, locale, language, onClose }: CiteDialogProps) {
  const t = useTranslations("cite");
  const tErrors = useTranslations("errors");
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [state, setState] = useState<CitationState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchCitation(passage, locale, controller.signal).then(
      (citation) => setState({ status: "ready", citation }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "failed", waitMinutes: waitMinutesOf(error) });
      },
    );
    return () => controller.abort();
  }, [passage, locale, attempt]);

  function retry() {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }

  const [open, close] = quoteMarks(locale);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className={`${styles.dialog} no-print`}
      onClose={onClose}
    >
      <div className={styles.header}>
        <h2 id={headingId} className={styles.heading}>
          {t("dialogTitle")}
        </h2>
        <button type="button" className={styles.close} onClick={() => dialog.current?.close()}>
          {t("close")}
        </button>
      </div>
      <div className={styles.body}>
        {state.status === "loading" && (
          <p role="status" className={styles.loading}>
            {t("loading")}
          </p>
        )}
        {state.status === "failed" && (
          <div role="alert" className={styles.failed}>
            <p>
              {state.waitMinutes === null
                ? t("failed")
                : tErrors("citeRateLimited", { minutes: state.waitMinutes })}
            </p>
            <button type="button" className={styles.retry} onClick={retry}>
              {t("retry")}
            </button>
          </div>
        )}
        {state.status === "ready" && (
          <>
            <figure className={styles.passage}>
              <blockquote lang={language} className={styles.quote}>
                <p>
                  {open}
                  {state.citation.quote}
                  {close}
                </p>
              </blockquote>
              <figcaption className={styles.place}>
                {t.rich("place", {
                  title: state.citation.title,
                  edition: state.citation.editionNumber,
                  locator: state.citation.locator,
                  cite: (chunks) => <cite>{chunks}</cite>,
                })}
              </figcaption>
            </figure>
            {state.citation.widened && (
              <p role="status" className={styles.widened}>
                {t("widened")}
              </p>
            )}
            <CitationBlock citation={state.citation} />
          </>
        )}
      </div>
    </dialog>
  );
}
