"use client";

import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { useReaderContext, useReaderIn } from "../data/use-reader";
import { sameMarks, type HighlightSegment } from "./highlight-segments";
import { useNearView } from "./sentence-window";
import styles from "./annotated-text.module.css";

interface AnnotatedTextProps {
  /** The passage (sentence) number. */
  sentence: number;
  /** The passage's start offset in the edition text. */
  start: number;
  text: string;
  className?: string;
}

/** `data-depth`: 1, 2, or 3 for three or more annotations over the same words. */
const DEEPEST_SHADE = 3;

/**
 * One sentence of the original: its text in an element marked `data-start` (see
 * selection-offsets.ts), split into `<mark>`s where annotations cover it once the layer has them.
 * A mark names its run (`data-segment`); which annotations cover the run, the layer keeps in memory.
 * The server and the first client render give the bare text, the same for every reader. In a long
 * text, a sentence far from the view stays bare until it comes near (sentence-window.ts).
 */
export function AnnotatedText({ sentence, start, text, className }: AnnotatedTextProps) {
  const reader = useReaderContext();
  const end = start + text.length;
  const element = useRef<HTMLSpanElement>(null);
  // In a long text, only a sentence near the view is painted (sentence-window.ts): its text is
  // what the window watches.
  const sentenceWindow = reader?.sentenceWindow ?? null;
  useEffect(() => {
    if (!sentenceWindow || !element.current) return;
    return sentenceWindow.watch(element.current, sentence);
  }, [sentenceWindow, sentence]);
  const painted = useNearView(sentenceWindow, sentence);
  // Each a value that stays the same (===) until this sentence's part changes.
  const segments = useReaderIn(
    reader,
    (state) => (painted ? reader?.highlights(state).runs.get(sentence) : undefined),
    undefined,
  );
  const draftStart = useReaderIn(
    reader,
    (state) =>
      painted && state.draft && state.draft.start < end && state.draft.end > start
        ? Math.max(state.draft.start, start)
        : undefined,
    undefined,
  );
  const draftEnd = useReaderIn(
    reader,
    (state) =>
      painted && state.draft && state.draft.start < end && state.draft.end > start
        ? Math.min(state.draft.end, end)
        : undefined,
    undefined,
  );
  const draftInside = draftStart !== undefined && draftEnd !== undefined;
  // Come near the view, its new marks are outlined as the panel's focus asks (the layer outlines
  // the marks of the whole text only when the highlights or the focus change).
  useLayoutEffect(() => {
    if (sentenceWindow && painted && element.current) reader?.commands.outlineMarks(element.current);
  }, [sentenceWindow, painted, reader]);
  return (
    <span ref={element} className={className} data-start={start}>
      {segments || draftInside ? (
        <SentenceMarks
          text={text}
          start={start}
          segments={segments}
          draftStart={draftStart}
          draftEnd={draftEnd}
        />
      ) : (
        text
      )}
    </span>
  );
}

interface SentenceMarksProps {
  text: string;
  start: number;
  segments: HighlightSegment[] | undefined;
  draftStart: number | undefined;
  draftEnd: number | undefined;
}

/** Cuts runs where the draft begins and ends, so the draft's part of each run can be marked. */
function cutAtDraft(segments: HighlightSegment[], draftStart: number, draftEnd: number): HighlightSegment[] {
  const cuts = [draftStart, draftEnd];
  return segments.flatMap((segment) => {
    const inner = cuts.filter((cut) => cut > segment.start && cut < segment.end);
    const edges = [segment.start, ...inner, segment.end];
    return edges.slice(1).map((to, i) => ({ ...segment, start: edges[i]!, end: to }));
  });
}

/**
 * Re-rendered only when this sentence's runs or its part of the draft change (a refetched list gives
 * new arrays, usually with the same runs).
 */
const SentenceMarks = memo(function SentenceMarks({
  text,
  start,
  segments,
  draftStart,
  draftEnd,
}: SentenceMarksProps) {
  const plain: HighlightSegment = {
    start,
    end: start + text.length,
    depth: 0,
    key: "",
    question: false,
    mine: false,
  };
  const runs =
    draftStart === undefined || draftEnd === undefined
      ? (segments ?? [plain])
      : cutAtDraft(segments ?? [plain], draftStart, draftEnd);
  const pieces: ReactNode[] = runs.map((run) => {
    const words = text.slice(run.start - start, run.end - start);
    const inDraft =
      draftStart !== undefined && draftEnd !== undefined && run.start >= draftStart && run.end <= draftEnd;
    if (run.depth === 0 && !inDraft) return words;
    return (
      <mark
        key={run.start}
        className={styles.mark}
        data-depth={run.depth > 0 ? Math.min(run.depth, DEEPEST_SHADE) : undefined}
        data-segment={run.depth > 0 ? run.key : undefined}
        data-question={run.question || undefined}
        data-mine={run.mine || undefined}
        data-draft={inDraft || undefined}
      >
        {words}
      </mark>
    );
  });
  return <>{pieces}</>;
}, sameSentenceMarks);

function sameSentenceMarks(a: SentenceMarksProps, b: SentenceMarksProps): boolean {
  return (
    a.text === b.text &&
    a.start === b.start &&
    a.draftStart === b.draftStart &&
    a.draftEnd === b.draftEnd &&
    sameMarks(a.segments, b.segments)
  );
}
