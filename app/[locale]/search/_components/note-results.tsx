import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { NoteResult } from "@/lib/search/types";
import { personName } from "../../../_components/people/person-name";
import { HighlightedText } from "../../../_components/search/highlighted-text";
import { notePath } from "../../../_lib/source-path";
import styles from "../search.module.css";

const KIND_LABEL = {
  comment: "kindComment",
  question: "kindQuestion",
  highlight: "kindHighlight",
  reply: "kindReply",
} as const;

/**
 * Matching notes and replies, each opening its thread in the reader at its sentence, with who wrote
 * it where and when, its matching text and the passage it quotes.
 */
export async function NoteResults({ locale, items }: { locale: Locale; items: NoteResult[] }) {
  const [t, tPeople] = await Promise.all([
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "people" }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <ol className={styles.results}>
      {items.map((item) => {
        const title = locale === "pl" ? item.source.titlePl : item.source.titleEn;
        const href = notePath(locale, item.source.slug, item.sentence, item.threadId ?? item.id);
        return (
          <li key={item.id} className={styles.result}>
            <a href={href} className={styles.resultLink}>
              {t("noteBy", { kind: t(KIND_LABEL[item.kind]), author: personName(item.author, tPeople) })}
            </a>{" "}
            <span className={styles.meta}>
              {item.sentence === null
                ? t("noteOnSource", { title })
                : t("noteOn", { title, number: item.sentence })}
              {" · "}
              {item.group ? t("noteIn", { group: item.group.name }) : t("notePersonal")}
              {" · "}
              <time dateTime={item.createdAt}>{date.format(new Date(item.createdAt))}</time>
              {item.hidden && <> · {t("hidden")}</>}
            </span>
            {item.body.text !== "" && (
              <p className={styles.snippet}>
                <HighlightedText snippet={item.body} />
              </p>
            )}
            {item.quote.text !== "" && (
              <blockquote className={styles.quote}>
                <span className="visually-hidden">{t("quoted")}: </span>
                <HighlightedText snippet={item.quote} />
              </blockquote>
            )}
            {item.tags.length > 0 && (
              <p className={styles.meta}>
                {t("tags")}: {item.tags.join(", ")}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
