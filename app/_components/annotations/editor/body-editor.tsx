"use client";

import { EditorContent, type JSONContent, useEditor, useEditorState } from "@tiptap/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { bodyExtensions } from "@/lib/annotations/body/extensions";
import { PASSAGE_REFERENCE, type PassageReferenceAttributes } from "@/lib/annotations/body/passage-reference";
import { MAX_BODY_CHARACTERS } from "@/lib/annotations/types";
import { EditorLinkField } from "./editor-link-field";
import { EditorReferenceField } from "./editor-reference-field";
import { MentionCompletionExtension } from "./mention-completion";
import { MentionList } from "./mention-list";
import { useMentionCompletion } from "./use-mention-completion";
import { type EditorActiveState, EditorToolbar } from "./editor-toolbar";
import styles from "./body-editor.module.css";

/** From this share of MAX_BODY_CHARACTERS on, the count warns that the limit is near. */
const NEAR_LIMIT_SHARE = 0.9;

const NOTHING_ACTIVE: EditorActiveState & { characters: number } = {
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  blockquote: false,
  link: false,
  characters: 0,
};

export interface BodyEditorProps {
  /** The id of the editable region (an error summary's link focuses it). */
  id: string;
  /** The visible label, e.g. "Comment". */
  label: string;
  /** The document to show; a new value from outside (not one this editor sent) replaces the text. */
  value: JSONContent | null;
  onChange: (value: JSONContent) => void;
  /** Puts the cursor at the end of the text when the editor appears. */
  autofocus?: boolean;
  invalid?: boolean;
  /** Ids of a hint or error message read with the editor. */
  describedBy?: string;
  /** While the form is being sent: the text cannot change. */
  disabled?: boolean;
  /** The group whose members "@" offers to mention (none: a personal note, nobody to mention). */
  mentionGroupId?: string | null;
}

/**
 * The rich-text editor of annotation bodies and replies: Tiptap with the one extension list the
 * server validates against (bodyExtensions), a toolbar (bold, italic, lists, quotation, link,
 * unlink, cite a passage; StarterKit's keyboard shortcuts work too), a link field, a field that cites
 * a passage by its permalink (inserted as a chip), @mention completion of the group's members'
 * names (mention-completion.ts), and a character count that warns near the limit.
 * The editable region is a labelled multi-line textbox.
 */
export function BodyEditor({
  id,
  label,
  value,
  onChange,
  autofocus,
  invalid,
  describedBy,
  disabled,
  mentionGroupId,
}: BodyEditorProps) {
  const t = useTranslations("annotations.editor");
  const labelId = useId();
  const countId = useId();
  const mentionListId = useId();
  const completion = useMentionCompletion(mentionGroupId, useLocale());
  // One set of extension objects per editor: Tiptap compares them by identity on every render. The
  // completion adds keys and no content: documents stay those the server validates (bodyExtensions).
  const [extensions] = useState(() => [
    ...bodyExtensions(),
    ...(completion ? [MentionCompletionExtension.configure({ completion })] : []),
  ]);
  /** The field open under the toolbar: a link's address, or the permalink of a passage to cite. */
  const [field, setField] = useState<"link" | "cite" | null>(null);
  /** The last document this editor sent up, to tell it from a value set from outside. */
  const sent = useRef<JSONContent | null>(value);

  const editor = useEditor({
    extensions,
    content: value ?? "",
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    autofocus: autofocus ? "end" : false,
    editable: !disabled,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        "aria-describedby": [describedBy, countId].filter(Boolean).join(" "),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: styles.content ?? "",
      },
    },
    onUpdate: ({ editor: changed }) => {
      const json = changed.getJSON();
      sent.current = json;
      onChange(json);
    },
  });

  const state =
    useEditorState({
      editor,
      selector: ({ editor: current }) =>
        current
          ? {
              bold: current.isActive("bold"),
              italic: current.isActive("italic"),
              bulletList: current.isActive("bulletList"),
              orderedList: current.isActive("orderedList"),
              blockquote: current.isActive("blockquote"),
              link: current.isActive("link"),
              characters: current.state.doc.textContent.length,
            }
          : NOTHING_ACTIVE,
    }) ?? NOTHING_ACTIVE;

  useEffect(() => {
    editor?.setEditable(!disabled, false);
  }, [editor, disabled]);

  useEffect(() => {
    if (!editor || value === sent.current) return;
    sent.current = value;
    editor.commands.setContent(value ?? "", { emitUpdate: false });
  }, [editor, value]);

  function applyLink(href: string | null) {
    setField(null);
    if (!editor) return;
    if (href === null) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else if (editor.state.selection.empty && !editor.isActive("link")) {
      // Nothing selected: the address itself becomes the linked text.
      const text = href.replace(/^mailto:/, "");
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
  }

  function insertReference(reference: PassageReferenceAttributes) {
    setField(null);
    if (!editor) return;
    // Spaces around the chip: apart from the word before it, and the writer goes on typing after it.
    const { $from } = editor.state.selection;
    const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 1), $from.parentOffset, "", "x");
    const space = { type: "text", text: " " };
    editor
      .chain()
      .focus()
      .insertContent([
        ...(before !== "" && !/\s/u.test(before) ? [space] : []),
        { type: PASSAGE_REFERENCE, attrs: { ...reference } },
        space,
      ])
      .run();
  }

  function closeField() {
    setField(null);
    editor?.commands.focus();
  }

  const near = state.characters >= MAX_BODY_CHARACTERS * NEAR_LIMIT_SHARE;
  const over = state.characters > MAX_BODY_CHARACTERS;

  return (
    <div className={styles.editor} data-invalid={invalid || undefined}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <div className={styles.frame}>
        <EditorToolbar
          editor={editor}
          state={state}
          controls={id}
          disabled={disabled}
          onLink={() => setField("link")}
          onCite={() => setField("cite")}
        />
        {field === "link" && (
          <EditorLinkField
            initial={editor?.isActive("link") ? String(editor.getAttributes("link").href ?? "") : ""}
            onApply={applyLink}
            onCancel={closeField}
          />
        )}
        {field === "cite" && <EditorReferenceField onInsert={insertReference} onCancel={closeField} />}
        <EditorContent editor={editor} className={styles.area} />
        {completion && <MentionList completion={completion} editor={editor} listId={mentionListId} />}
      </div>
      <p id={countId} className={over ? styles.countOver : near ? styles.countNear : styles.count}>
        {t("characters", { count: state.characters, max: MAX_BODY_CHARACTERS })}
      </p>
      {/* Says once when the count crosses into "near" or "over", not at every key. */}
      <p className="visually-hidden" aria-live="polite">
        {over ? t("overLimit") : near ? t("nearLimit") : ""}
      </p>
    </div>
  );
}
