"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { EditorIcon, type EditorIconName } from "./editor-icons";
import styles from "./body-editor.module.css";

/** What the toolbar shows as pressed: the marks and blocks at the cursor. */
export interface EditorActiveState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
}

interface ToolbarButton {
  name: EditorIconName;
  /** aria-keyshortcuts (StarterKit's own shortcuts). */
  shortcut?: string;
  /** A pressed/unpressed toggle, or a plain action. */
  pressed?: (state: EditorActiveState) => boolean;
  disabled?: (state: EditorActiveState) => boolean;
  run: (editor: Editor) => void;
}

const BUTTONS: ToolbarButton[] = [
  {
    name: "bold",
    shortcut: "Control+B Meta+B",
    pressed: (s) => s.bold,
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    name: "italic",
    shortcut: "Control+I Meta+I",
    pressed: (s) => s.italic,
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    name: "bulletList",
    shortcut: "Control+Shift+8 Meta+Shift+8",
    pressed: (s) => s.bulletList,
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    name: "orderedList",
    shortcut: "Control+Shift+7 Meta+Shift+7",
    pressed: (s) => s.orderedList,
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    name: "blockquote",
    shortcut: "Control+Shift+B Meta+Shift+B",
    pressed: (s) => s.blockquote,
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  // The link button opens the address field (handled by the toolbar's owner).
  { name: "link", pressed: (s) => s.link, run: () => {} },
  {
    name: "unlink",
    disabled: (s) => !s.link,
    run: (e) => e.chain().focus().extendMarkRange("link").unsetLink().run(),
  },
  // "Cite a passage" opens the permalink field (handled by the toolbar's owner).
  { name: "cite", run: () => {} },
];

interface EditorToolbarProps {
  editor: Editor | null;
  state: EditorActiveState;
  /** The id of the editable region the buttons act on. */
  controls: string;
  onLink: () => void;
  onCite: () => void;
  disabled?: boolean;
}

/**
 * The formatting buttons above the editor: one tab stop, arrow keys (and Home/End) move between the
 * buttons (the ARIA toolbar pattern); toggles say whether they are on with aria-pressed.
 */
export function EditorToolbar({ editor, state, controls, onLink, onCite, disabled }: EditorToolbarProps) {
  const t = useTranslations("annotations.editor");
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const last = BUTTONS.length - 1;
    const next =
      event.key === "ArrowRight"
        ? current === last
          ? 0
          : current + 1
        : event.key === "ArrowLeft"
          ? current === 0
            ? last
            : current - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={t("toolbar")}
      aria-controls={controls}
      className={styles.toolbar}
      onKeyDown={move}
    >
      {BUTTONS.map((button, index) => {
        const off = disabled || !editor || (button.disabled?.(state) ?? false);
        return (
          <button
            key={button.name}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={styles.tool}
            tabIndex={index === current ? 0 : -1}
            aria-pressed={button.pressed ? button.pressed(state) : undefined}
            aria-disabled={off || undefined}
            aria-keyshortcuts={button.shortcut}
            title={t(`tools.${button.name}`)}
            // Keep the editor's selection: the button acts on it.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => {
              if (off || !editor) return;
              if (button.name === "link") onLink();
              else if (button.name === "cite") onCite();
              else button.run(editor);
            }}
          >
            <EditorIcon name={button.name} />
            <span className="visually-hidden">{t(`tools.${button.name}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
