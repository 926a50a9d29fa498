"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { hasSignedInHint } from "../../_lib/signed-in-hint";
import { INDEX_CHANGED_EVENT } from "../annotations/data/index-client";
import { setAnonymousReadings } from "./anonymity-notice-store";
import { setRevealNotice } from "./reveal-notice-store";
import styles from "./assignment-banner.module.css";

interface Counts {
  annotations: number;
  replies: number;
  questions: number;
}

/** An assignment as GET /api/sources/{slug}/assignments sends it (dates as ISO text). */
interface BannerAssignment {
  id: string;
  title: string;
  instructionsHtml: string;
  dueAt: string;
  requirements: { minAnnotations: number; minReplies: number; minQuestions: number };
  ranges: { firstSentence: number | null; lastSentence: number | null }[];
  progress: (Counts & { status: string }) | null;
  reveal: { posted: number; required: number; hidden: boolean } | null;
  anonymous: { pseudonym: number | null } | null;
}

/** The attribute that marks an assigned sentence of the text (styled in sentence-grid.module.css). */
const ASSIGNED_ATTRIBUTE = "data-assigned";

/**
 * Above the reader's text, for a signed-in reader whose current group has an open assignment on
 * this source: its title, its instructions (folded), the reader's progress ("2 of 3 annotations")
 * and the assigned sentences marked in the text. Fetched in the browser (the page is cached for
 * everyone) and again when the reader comes back to the tab.
 */
export function AssignmentBanner({ locale, sourceSlug }: { locale: string; sourceSlug: string }) {
  const t = useTranslations("assignments.banner");
  const [assignments, setAssignments] = useState<BannerAssignment[]>([]);

  useEffect(() => {
    let live = true;
    const load = () => {
      if (!hasSignedInHint(document.cookie)) return;
      void fetchAssignments(sourceSlug).then((found) => {
        if (live && found) setAssignments(found);
      });
    };
    const again = () => {
      if (document.visibilityState === "visible") load();
    };
    load();
    document.addEventListener("visibilitychange", again);
    // A new index (their own note posted, a classmate's): the counts, and what reveal hides, again.
    window.addEventListener(INDEX_CHANGED_EVENT, load);
    return () => {
      live = false;
      document.removeEventListener("visibilitychange", again);
      window.removeEventListener(INDEX_CHANGED_EVENT, load);
    };
  }, [sourceSlug]);

  useEffect(() => {
    // The panel says why classmates' notes are missing (reveal after posting).
    const hidden = assignments.find((a) => a.reveal?.hidden);
    setRevealNotice(hidden ? { required: hidden.reveal!.required } : null);
  }, [assignments]);
  useEffect(() => () => setRevealNotice(null), []);

  useEffect(() => {
    // The composer tells a student, on an anonymous reading, the name their classmates will see.
    setAnonymousReadings(
      assignments.flatMap((a) =>
        a.anonymous?.pseudonym ? [{ pseudonym: a.anonymous.pseudonym, ranges: a.ranges }] : [],
      ),
    );
  }, [assignments]);
  useEffect(() => () => setAnonymousReadings([]), []);

  useEffect(() => {
    const marked: Element[] = [];
    for (const assignment of assignments) {
      for (const range of assignment.ranges) {
        const sentences = document.querySelectorAll<HTMLElement>("[data-sentence][id^='s-']");
        for (const sentence of sentences) {
          const n = Number(sentence.dataset.sentence);
          const inside =
            range.firstSentence === null || (n >= range.firstSentence && n <= range.lastSentence!);
          if (inside) {
            sentence.setAttribute(ASSIGNED_ATTRIBUTE, "");
            marked.push(sentence);
          }
        }
      }
    }
    return () => marked.forEach((sentence) => sentence.removeAttribute(ASSIGNED_ATTRIBUTE));
  }, [assignments]);

  if (assignments.length === 0) return null;
  return (
    <>
      {assignments.map((a) => (
        <section key={a.id} className={styles.banner} aria-labelledby={`assignment-${a.id}`}>
          <p className={styles.kicker}>{t("kicker")}</p>
          <h2 id={`assignment-${a.id}`} className={styles.title}>
            <a href={`/${locale}/assignments/${a.id}`}>{a.title}</a>
          </h2>
          <p>
            {a.ranges
              .map((r) =>
                r.firstSentence === null
                  ? t("wholeSource")
                  : t("sentences", { first: r.firstSentence, last: r.lastSentence! }),
              )
              .join("; ")}
          </p>
          {a.progress && (
            <ul className={styles.progress}>
              {(
                [
                  ["annotations", a.requirements.minAnnotations],
                  ["replies", a.requirements.minReplies],
                  ["questions", a.requirements.minQuestions],
                ] as const
              )
                .filter(([, min]) => min > 0)
                .map(([kind, min]) => (
                  <li key={kind}>{t(kind, { done: a.progress![kind], count: min })}</li>
                ))}
            </ul>
          )}
          {a.reveal &&
            (a.reveal.hidden ? (
              <div className={styles.reveal} role="note">
                <p>{t("reveal", { done: a.reveal.posted, count: a.reveal.required })}</p>
                <p>{t("revealHidden", { count: a.reveal.required })}</p>
              </div>
            ) : (
              <p className={styles.reveal}>{t("revealUnlocked")}</p>
            ))}
          {a.anonymous && (
            <p className={styles.reveal} role="note">
              {a.anonymous.pseudonym
                ? t("anonymousStudent", { number: a.anonymous.pseudonym })
                : t("anonymousStaff")}
            </p>
          )}
          {a.instructionsHtml && (
            <details>
              <summary>{t("instructions")}</summary>
              <div dangerouslySetInnerHTML={{ __html: a.instructionsHtml }} />
            </details>
          )}
        </section>
      ))}
    </>
  );
}

/** The reader's open assignments on a source, or null when they cannot be had (signed out, offline). */
async function fetchAssignments(sourceSlug: string): Promise<BannerAssignment[] | null> {
  try {
    const response = await fetch(`/api/sources/${encodeURIComponent(sourceSlug)}/assignments`, {
      headers: { accept: "application/json" },
    });
    if (!response.ok) return null;
    return ((await response.json()) as { assignments: BannerAssignment[] }).assignments;
  } catch {
    return null;
  }
}
