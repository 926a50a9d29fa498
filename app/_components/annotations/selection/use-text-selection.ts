"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import { adderPosition, offsetsFromSelection } from "./selection-offsets";
import { ADDER_ATTRIBUTE, type AdderPosition } from "./adder-position";

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

/** The keys that act on a standing selection, without modifiers (Ctrl+C still copies). */
const SHORTCUTS = { annotate: "a", cite: "c" } as const;

/**
 * Follows the reader's text selection inside `root` (mouse, touch, or keyboard with caret browsing)
 * and offers to annotate or cite it: `adder` is where the buttons go while a selection stands,
 * `annotate()` starts the draft (so does the A key), `cite()` opens the cite dialog (so does the C
 * key), Escape dismisses the buttons. Each is null while its callback is (a signed-out reader cannot
 * annotate); with neither, no buttons appear.
 */
export function useTextSelection(
  root: RefObject<HTMLElement | null>,
  onAnnotate: ((range: TextRange) => void) | null,
  onCite: ((range: TextRange) => void) | null,
): {
  adder: AdderPosition | null;
  annotate: (() => void) | null;
  cite: (() => void) | null;
  hasSelection: () => boolean;
} {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const enabled = onAnnotate !== null || onCite !== null;
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
    if (!active || !onAnnotate) return;
    setPending(null);
    onAnnotate(active.range);
  }, [active, onAnnotate]);

  const cite = useCallback(() => {
    if (!active || !onCite) return;
    setPending(null);
    onCite(active.range);
  }, [active, onCite]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setPending(null);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === SHORTCUTS.annotate && onAnnotate) {
        event.preventDefault();
        annotate();
      } else if (key === SHORTCUTS.cite && onCite) {
        event.preventDefault();
        cite();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active, annotate, cite, onAnnotate, onCite]);

  const hasSelection = useCallback(() => {
    const element = root.current;
    return element !== null && offsetsFromSelection(element, window.getSelection()) !== null;
  }, [root]);

  return {
    adder: active?.position ?? null,
    annotate: onAnnotate ? annotate : null,
    cite: onCite ? cite : null,
    hasSelection,
  };
}
