"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { AssignmentStatus } from "@/lib/assignments/progress";
import { LocalTime } from "./local-time";
import styles from "./assignments.module.css";

export interface ProgressRow {
  userId: string;
  name: string;
  /** The student's page of work on the assignment. */
  href: string;
  annotations: number;
  replies: number;
  questions: number;
  words: number;
  lateItems: number;
  status: AssignmentStatus;
  /** ISO instant, or "" for none. */
  lastActivityAt: string;
  extended: boolean;
  /** Reveal after posting: whether classmates' notes are shown to the student yet; null: no reveal. */
  revealUnlocked: boolean | null;
}

type Column =
  "name" | "annotations" | "replies" | "questions" | "words" | "lateItems" | "status" | "lastActivityAt";
const COLUMNS: Column[] = [
  "name",
  "annotations",
  "replies",
  "questions",
  "words",
  "lateItems",
  "status",
  "lastActivityAt",
];
const NUMERIC = new Set<Column>(["annotations", "replies", "questions", "words", "lateItems"]);
/** Statuses in the order that needs the instructor's attention first. */
const STATUS_ORDER: AssignmentStatus[] = ["late", "notStarted", "inProgress", "complete"];

/**
 * Every student's progress on an assignment, sorted by any column: its header is a button (Enter or
 * Space), pressed again it reverses the order; the sorted column says so with aria-sort.
 */
export function ProgressTable({ rows, zone }: { rows: ProgressRow[]; zone: string }) {
  const t = useTranslations("assignments.progress");
  const tStatus = useTranslations("assignments.status");
  const locale = useLocale();
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({
    column: "name",
    ascending: true,
  });
  const collator = new Intl.Collator(locale);
  const reveal = rows.some((row) => row.revealUnlocked !== null);
  const compare = (a: ProgressRow, b: ProgressRow): number => {
    const { column } = sort;
    if (column === "name") return collator.compare(a.name, b.name);
    if (column === "status") return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    if (column === "lastActivityAt") return a.lastActivityAt.localeCompare(b.lastActivityAt);
    return a[column] - b[column];
  };
  const sorted = [...rows].sort(
    (a, b) => (sort.ascending ? 1 : -1) * compare(a, b) || collator.compare(a.name, b.name),
  );
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  aria-sort={active ? (sort.ascending ? "ascending" : "descending") : undefined}
                >
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => setSort({ column, ascending: active ? !sort.ascending : true })}
                  >
                    {t(column)}
                    <span aria-hidden="true">{active ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              );
            })}
            {reveal && <th scope="col">{t("unlocked")}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.userId}>
              <th scope="row">
                <Link href={row.href}>{row.name}</Link>
                {row.extended && <span className={styles.hint}> ({t("extended")})</span>}
              </th>
              {(["annotations", "replies", "questions", "words", "lateItems"] as const).map((column) => (
                <td key={column} className={NUMERIC.has(column) ? styles.number : undefined}>
                  {row[column]}
                </td>
              ))}
              <td>{tStatus(row.status)}</td>
              <td>{row.lastActivityAt ? <LocalTime iso={row.lastActivityAt} zone={zone} /> : t("never")}</td>
              {reveal && <td>{row.revealUnlocked ? t("unlockedYes") : t("unlockedNo")}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
