"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";
import type { MentionCompletion } from "./mention-completion";
import styles from "./body-editor.module.css";

/** The id of the `index`th name of a list. */
const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The names offered after "@", as a listbox under the editor, tied to the editor's textbox the way
 * WAI-ARIA's combobox pattern ties a list to its input: the textbox says it completes from a list
 * (aria-autocomplete), which one (aria-controls) and which name is chosen (aria-activedescendant),
 * while focus stays in the text; how many names match is said once in a polite live region. A name
 * can be clicked too (the text keeps focus).
 */
export function MentionList({
  completion,
  editor,
  listId,
}: {
  completion: MentionCompletion;
  editor: Editor | null;
  listId: string;
}) {
  const t = useTranslations("annotations.editor");
  const state = useSyncExternalStore(completion.subscribe, completion.getSnapshot, completion.getSnapshot);

  useEffect(() => {
    const textbox = editor && !editor.isDestroyed ? (editor.view.dom as HTMLElement | undefined) : undefined;
    if (!textbox) return;
    textbox.setAttribute("aria-autocomplete", "list");
    if (state.open) {
      textbox.setAttribute("aria-controls", listId);
      textbox.setAttribute("aria-activedescendant", optionId(listId, state.active));
    } else {
      textbox.removeAttribute("aria-controls");
      textbox.removeAttribute("aria-activedescendant");
    }
  }, [editor, state, listId]);

  return (
    <>
      {state.open && (
        <ul id={listId} role="listbox" aria-label={t("mentionList")} className={styles.mentions}>
          {state.options.map((member, index) => (
            <li
              key={member.id}
              id={optionId(listId, index)}
              role="option"
              aria-selected={index === state.active}
              className={styles.mention}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => editor && completion.choose(editor, index)}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {state.open ? t("mentionCount", { count: state.options.length }) : ""}
      </p>
    </>
  );
}
