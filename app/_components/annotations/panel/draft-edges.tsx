"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import styles from "./controls.module.css";

interface DraftEdgesProps {
  /** The passage is one word: it cannot shrink. */
  oneWord: boolean;
  onAdjust: (edge: "start" | "end", direction: -1 | 1) => void;
}

type Change = "extend" | "shrink";

/** Per edge, the two buttons in the order they sit (the arrow shows the way the edge moves). */
const EDGE_BUTTONS: Record<"start" | "end", { change: Change; direction: -1 | 1 }[]> = {
  start: [
    { change: "extend", direction: -1 },
    { change: "shrink", direction: 1 },
  ],
  end: [
    { change: "shrink", direction: -1 },
    { change: "extend", direction: 1 },
  ],
};

/** Four buttons that move the start or the end of the selected passage by one word. */
export function DraftEdges({ oneWord, onAdjust }: DraftEdgesProps) {
  const t = useTranslations("annotations.draft");
  const labelId = useId();

  return (
    <div role="group" aria-labelledby={labelId} className={styles.edges}>
      <p id={labelId} className={styles.hint}>
        {t("adjust")}
      </p>
      {(["start", "end"] as const).map((edge) => (
        <div key={edge} className={styles.edgeRow}>
          <span className={styles.edgeName} aria-hidden="true">
            {t(edge)}
          </span>
          {EDGE_BUTTONS[edge].map(({ change, direction }) => {
            const off = change === "shrink" && oneWord;
            return (
              <button
                key={change}
                type="button"
                className={styles.small}
                // "Extend the start by one word": the visible "Extend" begins the name.
                aria-label={t(`${change}${edge === "start" ? "Start" : "End"}`)}
                aria-disabled={off || undefined}
                onClick={() => {
                  if (!off) onAdjust(edge, direction);
                }}
              >
                {direction === -1 && <span aria-hidden="true">← </span>}
                {t(change)}
                {direction === 1 && <span aria-hidden="true"> →</span>}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
