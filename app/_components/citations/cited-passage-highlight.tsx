"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import { rangeFromOffsets } from "../annotations/selection/selection-offsets";

/** The name of the highlight (styled as `::highlight(glossa-cited)` in globals.css). */
export const CITED_HIGHLIGHT = "glossa-cited";

function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

/**
 * Paints the passage a permalink points at, edition range `range` of the text inside it, with the
 * CSS Custom Highlight API: the text's DOM (the annotation layer's marks) is left as it is. The
 * annotation marks are redrawn whenever the reader's annotations change, which detaches the range's
 * text nodes, so the range is rebuilt after every change of the text's DOM. Browsers without the API
 * show the sentences' outline alone (see SentenceGrid's `citedSentences`).
 */
export function CitedPassageHighlight({ range, children }: { range: TextRange; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const { start, end } = range;

  useEffect(() => {
    const element = root.current;
    if (!element || !highlightsSupported()) return;
    const paint = () => {
      const dom = rangeFromOffsets(element, { start, end });
      if (dom) CSS.highlights.set(CITED_HIGHLIGHT, new Highlight(dom));
      else CSS.highlights.delete(CITED_HIGHLIGHT);
    };
    paint();
    // Synchronously after each change, before the next frame is painted: no frame without the highlight.
    const observer = new MutationObserver(paint);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      CSS.highlights.delete(CITED_HIGHLIGHT);
    };
  }, [start, end]);

  return <div ref={root}>{children}</div>;
}
