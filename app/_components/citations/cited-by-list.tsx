"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CitingAnnotation } from "@/lib/permalinks/find-citing-annotations";
import { personName } from "../people/person-name";
import styles from "./cited-passage-banner.module.css";

/**
 * "Cited by": the notes that cite this passage and that the reader may see, loaded after the page
 * (which is the same for everyone) from `/api/permalinks/{id}/cited-by`. Nothing is shown to an
 * anonymous reader, who may see no notes.
 */
export function CitedByList({ permalinkId }: { permalinkId: string }) {
  const t = useTranslations("cite");
  const tPeople = useTranslations("people");
  const locale = useLocale();
  const [notes, setNotes] = useState<CitingAnnotation[] | null>(null);
  const [signedIn, setSignedIn] = useState(false);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [me, answer] = await Promise.all([
        fetch("/api/me", { cache: "no-store" }).then((r) => (r.ok ? r.json() : null)),
        fetch(`/api/permalinks/${encodeURIComponent(permalinkId)}/cited-by`, { cache: "no-store" }).then(
          (r) => (r.ok ? (r.json() as Promise<{ citedBy: CitingAnnotation[] }>) : null),
        ),
      ]).catch(() => [null, null] as const);
      if (!current) return;
      setSignedIn(Boolean((me as { user: unknown } | null)?.user));
      setNotes(answer?.citedBy ?? []);
    })();
    return () => {
      current = false;
    };
  }, [permalinkId]);

  if (notes === null || !signedIn) return null;
  return (
    <section aria-labelledby="cited-by-heading" className={styles.citedBy}>
      <h3 id="cited-by-heading">{t("citedByHeading", { count: notes.length })}</h3>
      {notes.length === 0 ? (
        <p>{t("citedByNone")}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <a href={`/${locale}/sources/${encodeURIComponent(note.source.slug)}`}>
                {t(note.isReply ? "citedByReply" : "citedByNote", {
                  author: personName(note.author, tPeople),
                })}
              </a>{" "}
              <time dateTime={note.createdAt}>{new Date(note.createdAt).toLocaleDateString(locale)}</time>
              {note.hidden && <> · {t("citedByHidden")}</>}
              <p className={styles.excerpt}>{note.excerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
