"use client";

import { useId, useRef, useState } from "react";
import formStyles from "../forms/forms.module.css";

interface SelectWordsFieldProps {
  /** The text shown, a stretch of the edition, and its offset there. */
  text: string;
  offset: number;
  label: string;
  hint: string;
  /** Said before the selected words ("Selected:"), and when none are. */
  selectedLabel: string;
  noneSelected: string;
}

/**
 * A stretch of an edition's text in a text field that cannot be changed, in which words are selected
 * with the mouse, by touch, or by keyboard (Shift with the arrow keys); the selection goes with the form as
 * `start` and `end`, offsets in the edition, and is read back in a live region. The service trims
 * and checks it (lib/revisions/trim-selection.ts).
 */
export function SelectWordsField({
  text,
  offset,
  label,
  hint,
  selectedLabel,
  noneSelected,
}: SelectWordsFieldProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const update = () => {
    const element = field.current;
    if (!element) return;
    const { selectionStart: start, selectionEnd: end } = element;
    setRange(start < end ? { start, end } : null);
  };
  const words = range ? text.slice(range.start, range.end).trim() : "";
  return (
    <div>
      <label htmlFor={`${id}-text`}>{label}</label>
      <p id={`${id}-hint`} className={formStyles.hint}>
        {hint}
      </p>
      {/* Not `readOnly`: browsers then take no caret, and the keyboard could not select. Typing,
          pasting and dropping are refused instead, and the value is React's own. */}
      <textarea
        id={`${id}-text`}
        ref={field}
        aria-readonly="true"
        inputMode="none"
        spellCheck={false}
        value={text}
        onChange={() => {}}
        onBeforeInput={(event) => event.preventDefault()}
        onPaste={(event) => event.preventDefault()}
        onDrop={(event) => event.preventDefault()}
        onCut={(event) => event.preventDefault()}
        rows={6}
        aria-describedby={`${id}-hint ${id}-selected`}
        onSelect={update}
        onKeyUp={update}
        onMouseUp={update}
        onTouchEnd={update}
      />
      <input type="hidden" name="start" value={range ? offset + range.start : ""} />
      <input type="hidden" name="end" value={range ? offset + range.end : ""} />
      <p id={`${id}-selected`} aria-live="polite">
        {words ? (
          <>
            {selectedLabel} <q>{words}</q>
          </>
        ) : (
          noneSelected
        )}
      </p>
    </div>
  );
}
