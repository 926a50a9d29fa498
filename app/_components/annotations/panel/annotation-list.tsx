"use client";

import type { AnnotationView } from "@/lib/annotations/types";
import { AnnotationCard } from "./annotation-card";
import styles from "./panel.module.css";

/** Annotation cards in the order given, as a list (screen readers say how many). */
export function AnnotationList({
  annotations,
  label,
  headingLevel,
}: {
  annotations: AnnotationView[];
  label: string;
  /** The level of the cards' headings: 3 in the main list, 4 under a section heading. */
  headingLevel: 3 | 4;
}) {
  if (annotations.length === 0) return null;
  return (
    <ol className={styles.list} aria-label={label}>
      {annotations.map((annotation) => (
        <li key={annotation.id}>
          <AnnotationCard annotation={annotation} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
