"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import { adderPosition, offsetsFromSelection } from "./selection-offsets";
import { ADDER_ATTRIBUTE, type AdderPosition } from "./selection-adder";

/**
 * How long the selection must stay still before the "Annotate" button follows it: long enough not
 * to chase every step of a keyboard selection, short enough to feel immediate.
 */
const SETTLE_MS = 150;

interface PendingSelection {
  range: TextRange;
  position: AdderPosition;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * Follows the reader's text selection inside `root` (mouse, touch, or keyboard with caret browsing)
 * and offers to annotate it: `adder` is where the "Annotate" button goes while a selection stands,
 * `annotate()` starts the draft (so does the A key), Escape dismisses the button. Off while
 * `enabled` is false (a reader who cannot annotate sees no button).
 */
export function useTextSelection(
  root: RefObject<HTMLElement | null>,
  enabled: boolean,
  onAnnotate: (range: TextRange) => void,
): { adder: AdderPosition | null; annotate: () => void; hasSelection: () => boolean } {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const active = enabled ? pending : null;

  useEffect(() => {
    if (!enabled) return;
    let timer = 0;
    let pointerDown = false;
    const update = () => {
      const element = root.current;
      const range = element ? offsetsFromSelection(element, window.getSelection()) : null;
      const position = element && range ? adderPosition(element, range) : null;
      setPending(range && position ? { range, position } : null);
    };
    const later = (delay: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, delay);
    };
    // While a pointer drags out a selection the button waits for it to be let go.
    const onSelectionChange = () => {
      if (!pointerDown) later(SETTLE_MS);
    };
    const onPointerDown = () => {
      pointerDown = true;
    };
    const onPointerUp = (event: PointerEvent) => {
      pointerDown = false;
      // A tap on the button itself may clear the selection (touch screens) before its click arrives:
      // the button must still be there for the click.
      if (event.target instanceof Element && event.target.closest(`[${ADDER_ATTRIBUTE}]`)) return;
      later(0);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("pointerup", onPointerUp);
    document.addEventListener("pointercancel", onPointerUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("pointerup", onPointerUp);
      document.removeEventListener("pointercancel", onPointerUp);
    };
  }, [enabled, root]);

  const annotate = useCallback(() => {
    if (!active) return;
    setPending(null);
    onAnnotate(active.range);
  }, [active, onAnnotate]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setPending(null);
      } else if (
        event.key.toLowerCase() === "a" &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isEditable(event.target)
      ) {
        event.preventDefault();
        annotate();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active, annotate]);

  const hasSelection = useCallback(() => {
    const element = root.current;
    return element !== null && offsetsFromSelection(element, window.getSelection()) !== null;
  }, [root]);

  return { adder: active?.position ?? null, annotate, hasSelection };
}
