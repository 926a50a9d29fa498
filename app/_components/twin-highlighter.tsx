"use client";

import { useRef, type FocusEvent, type PointerEvent, type ReactNode } from "react";

/** The attribute that marks a sentence and its twin while one of them is pointed at or focused. */
const ACTIVE_ATTRIBUTE = "data-twin-active";

function sentenceNumberOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const sentence = target.closest("[data-sentence]")?.getAttribute("data-sentence") ?? null;
  return sentence !== null && /^\d+$/u.test(sentence) ? sentence : null;
}

/**
 * Wraps aligned original and translation sentences (each marked `data-sentence="{n}"`) and
 * highlights both sentences numbered n while either is pointed at or holds focus. The sentences
 * themselves stay server-rendered; this only toggles one attribute through the DOM.
 */
export function TwinHighlighter({ className, children }: { className?: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const active = useRef<string | null>(null);

  function highlight(sentence: string | null) {
    if (sentence === active.current || !root.current) return;
    for (const element of root.current.querySelectorAll(`[${ACTIVE_ATTRIBUTE}]`)) {
      element.removeAttribute(ACTIVE_ATTRIBUTE);
    }
    if (sentence !== null) {
      for (const element of root.current.querySelectorAll(`[data-sentence="${sentence}"]`)) {
        element.setAttribute(ACTIVE_ATTRIBUTE, "");
      }
    }
    active.current = sentence;
  }

  return (
    <div
      ref={root}
      className={className}
      onPointerOver={(event: PointerEvent) => highlight(sentenceNumberOf(event.target))}
      onPointerLeave={() => highlight(null)}
      onFocus={(event: FocusEvent) => highlight(sentenceNumberOf(event.target))}
      onBlur={() => highlight(null)}
    >
      {children}
    </div>
  );
}
