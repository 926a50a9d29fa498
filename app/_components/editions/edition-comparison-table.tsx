import { Fragment } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type {
  ComparedRow,
  ComparedRun,
  ComparedSentence,
  EditionComparison,
} from "@/lib/anchoring/compare-editions";
import type { FoldedRows, ShownRow } from "@/lib/anchoring/fold-unchanged-rows";
import type { Locale } from "@/lib/i18n/routing";
import { editionsPath } from "./editions-path";
import styles from "./editions.module.css";

interface EditionComparisonTableProps {
  locale: Locale;
  slug: string;
  /** The language of the source's text (its cells are marked with it). */
  language: string;
  comparison: EditionComparison;
  rows: ShownRow[];
  /** The editions compared, old side first, with the dates shown in the column headings. */
  editions: [{ number: number; createdAt: string }, { number: number; createdAt: string }];
  unfolded: ReadonlySet<number>;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"editions">>>;

/** The id a change's first marked words carry, for the links that go from change to change. */
export const changeId = (index: number) => `change-${index + 1}`;

/** Each change's first run (old side before new, in reading order): the one that carries its id. */
function firstRuns(rows: readonly ShownRow[]): Set<ComparedRun> {
  const seen = new Set<number>();
  const first = new Set<ComparedRun>();
  for (const row of rows) {
    if ("folded" in row) continue;
    for (const sentence of [...row.old, ...row.new]) {
      for (const run of sentence.runs) {
        if (run.changeIndex === undefined || seen.has(run.changeIndex)) continue;
        seen.add(run.changeIndex);
        first.add(run);
      }
    }
  }
  return first;
}

/**
 * The two editions side by side, a row per aligned group of sentences, each sentence with its number
 * in its edition; changed words struck through (old side) or underlined (new side) between visible
 * [− ] and [+ ] marks, so no change is told by colour alone, and named for screen readers. Each row
 * with a change links to the previous and next change; folded stretches link to their unfolding.
 * On a narrow screen the columns stack, each cell saying which edition it is.
 */
export async function EditionComparisonTable(props: EditionComparisonTableProps) {
  const { locale, slug, language, comparison, rows, editions, unfolded } = props;
  const t = await getTranslations({ locale, namespace: "editions" });
  const [from, to] = editions;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const heading = (edition: { number: number; createdAt: string }) =>
    t("columnHeading", { number: edition.number, date: date.format(new Date(edition.createdAt)) });
  const targets = firstRuns(rows);
  const count = comparison.changes.length;
  return (
    <table className={styles.comparison} aria-label={t("tableLabel", { from: from.number, to: to.number })}>
      <thead>
        <tr>
          <th scope="col">{heading(from)}</th>
          <th scope="col">{heading(to)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          if ("folded" in row) {
            const unfold = [...unfolded, row.key];
            const href = `/${locale}${editionsPath(slug, { from: from.number, to: to.number, unfold })}`;
            return <FoldedRow key={row.key} t={t} row={row} edition={from.number} href={href} />;
          }
          const rowKey = `${row.old[0]?.number ?? "-"}-${row.new[0]?.number ?? "-"}`;
          return (
            <tr key={rowKey} className={row.changes.length > 0 ? styles.changedRow : undefined}>
              {(["old", "new"] as const).map((side) => (
                <Side
                  key={side}
                  t={t}
                  sentences={row[side]}
                  side={side}
                  edition={side === "old" ? from.number : to.number}
                  language={language}
                  targets={targets}
                >
                  {side === "new" && row.changes.length > 0 && <ChangeLinks t={t} row={row} count={count} />}
                </Side>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "17 unchanged sentences (1–17 in edition 1) Show them": the link unfolds it and comes back to it. */
function FoldedRow({
  t,
  row,
  edition,
  href,
}: {
  t: Translate;
  row: FoldedRows;
  edition: number;
  href: string;
}) {
  const id = `fold-${row.key}`;
  const what = t("folded", {
    count: row.oldTo - row.oldFrom + 1,
    first: row.oldFrom,
    last: row.oldTo,
    edition,
  });
  return (
    <tr id={id}>
      <td colSpan={2} className={styles.folded}>
        {what}{" "}
        <Link href={`${href}#${id}`}>
          {t("unfold")}
          <span className="visually-hidden"> ({what})</span>
        </Link>
      </td>
    </tr>
  );
}

function Side({
  t,
  sentences,
  side,
  edition,
  language,
  targets,
  children,
}: {
  t: Translate;
  sentences: ComparedSentence[];
  side: "old" | "new";
  edition: number;
  language: string;
  targets: ReadonlySet<ComparedRun>;
  children?: React.ReactNode;
}) {
  return (
    <td className={styles.side}>
      <span className={styles.sideLabel}>{t("editionNumber", { number: edition })}</span>
      {sentences.length === 0 ? (
        <p className={styles.absent}>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t("notInEdition", { number: edition })}</span>
        </p>
      ) : (
        <p lang={language}>
          {sentences.map((sentence) => (
            <span key={sentence.number} className={styles.sentence}>
              <span className={styles.number}>{sentence.number}</span>{" "}
              {sentence.runs.map((run, index) => (
                <Run key={index} t={t} run={run} side={side} target={targets.has(run)} />
              ))}{" "}
            </span>
          ))}
        </p>
      )}
      {children}
    </td>
  );
}

function Run({
  t,
  run,
  side,
  target,
}: {
  t: Translate;
  run: ComparedRun;
  side: "old" | "new";
  target: boolean;
}) {
  if (run.change === "same") return <Fragment>{run.text}</Fragment>;
  const id = target && run.changeIndex !== undefined ? changeId(run.changeIndex) : undefined;
  const start =
    run.change === "deleted"
      ? t("deletedStart")
      : run.change === "inserted"
        ? t("insertedStart")
        : side === "old"
          ? t("replacedStart")
          : t("replacementStart");
  const inner = (
    <>
      <span className="visually-hidden">{start} </span>
      <span aria-hidden="true" className={styles.mark}>
        {side === "old" ? "[−" : "[+"}
      </span>
      {run.text}
      <span aria-hidden="true" className={styles.mark}>
        ]
      </span>
      <span className="visually-hidden">{t("markEnd")}</span>
    </>
  );
  return side === "old" ? (
    <del id={id} className={styles.deleted}>
      {inner}
    </del>
  ) : (
    <ins id={id} className={styles.inserted}>
      {inner}
    </ins>
  );
}

/** "Change 2 of 5 · Previous change · Next change", for the changes of one row. */
function ChangeLinks({ t, row, count }: { t: Translate; row: ComparedRow; count: number }) {
  const first = row.changes[0]!;
  const last = row.changes.at(-1)!;
  return (
    <p className={styles.changeLinks}>
      <span>{t("changeOf", { number: first + 1, count })}</span>
      {first > 0 && (
        <>
          {" · "}
          <a href={`#${changeId(first - 1)}`}>{t("previousChange")}</a>
        </>
      )}
      {last + 1 < count && (
        <>
          {" · "}
          <a href={`#${changeId(last + 1)}`}>{t("nextChange")}</a>
        </>
      )}
    </p>
  );
}
