/**
 * @mention completion in the note editor: a small store (pure of React, read through
 * useSyncExternalStore) that follows what is typed after "@" and the names it offers, and the Tiptap
 * extension that feeds it the editor's changes and gives it the keys while the list is open: ↓ and ↑
 * move, Enter or Tab insert the name as "@Name " (the text lib/notifications/mentions.ts recognises),
 * Escape closes the list (and only the list: the form around the editor is not cancelled). The
 * extension adds no node or mark, so the documents it helps write are those the server validates.
 */
import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Mentionable } from "@/lib/notifications/mentions";
import { matchingMembers, mentionQuery } from "./mention-query";

export interface MentionState {
  open: boolean;
  /** The names offered, and the place of the one the arrow keys are on. */
  options: readonly Mentionable[];
  active: number;
}

const CLOSED: MentionState = { open: false, options: [], active: 0 };

/** Where the "@query" being completed is in the document: [from, to). */
interface Typed {
  query: string;
  from: number;
  to: number;
}

export class MentionCompletion {
  private state: MentionState = CLOSED;
  private typed: Typed | null = null;
  private members: readonly Mentionable[] = [];
  /** Escape closed the list at this "@": it opens again only for another one. */
  private dismissedAt: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly locale: string,
    /** Called when a query first needs the members (they are fetched once, then setMembers). */
    private readonly wantMembers: () => void,
  ) {}

  readonly getSnapshot = (): MentionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setMembers(members: readonly Mentionable[]): void {
    this.members = members;
    this.offer();
  }

  /** After each change of the editor's text, cursor or focus. */
  track(editor: Pick<Editor, "state" | "isFocused">): void {
    const { selection } = editor.state;
    const { $from } = selection;
    const query =
      selection.empty && editor.isFocused
        ? mentionQuery($from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc"))
        : null;
    if (query === null) {
      if (editor.isFocused) this.dismissedAt = null;
      this.typed = null;
      this.publish(CLOSED);
      return;
    }
    const from = $from.pos - query.length - 1;
    this.typed = { query, from, to: $from.pos };
    if (this.dismissedAt !== from) this.dismissedAt = null;
    this.wantMembers();
    this.offer();
  }

  /** Moves through the names (wrapping round); false when the list is closed. */
  move(step: 1 | -1): boolean {
    const { open, options, active } = this.state;
    if (!open) return false;
    this.publish({ ...this.state, active: (active + step + options.length) % options.length });
    return true;
  }

  /** Puts the chosen name (the active one, unless `index`) in place of "@query"; false when closed. */
  choose(editor: Editor, index = this.state.active): boolean {
    const member = this.state.open ? this.state.options[index] : undefined;
    if (!member || !this.typed) return false;
    const { from, to } = this.typed;
    this.typed = null;
    this.publish(CLOSED);
    editor.chain().focus().insertContentAt({ from, to }, `@${member.name.trim()} `).run();
    return true;
  }

  /** Closes the list until another "@"; false when it was closed. */
  dismiss(): boolean {
    if (!this.state.open || !this.typed) return false;
    this.dismissedAt = this.typed.from;
    this.publish(CLOSED);
    return true;
  }

  private offer(): void {
    const typed = this.typed;
    if (!typed || this.dismissedAt === typed.from) return this.publish(CLOSED);
    const options = matchingMembers(this.members, typed.query, this.locale);
    if (options.length === 0) return this.publish(CLOSED);
    // The name the arrow keys were on stays chosen while it is still offered.
    const current = this.state.options[this.state.active]?.id;
    const kept = options.findIndex((member) => member.id === current);
    this.publish({ open: true, options, active: Math.max(0, kept) });
  }

  private publish(next: MentionState): void {
    if (next === this.state || (!next.open && !this.state.open)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const KEY = new PluginKey("mentionCompletion");

/** The editor's side of the completion (add it beside the body's extensions, in the browser only). */
export const MentionCompletionExtension = Extension.create<{ completion: MentionCompletion | null }>({
  name: "mentionCompletion",
  // Before the lists' and paragraphs' Enter, and every other key binding.
  priority: 1000,

  addOptions() {
    return { completion: null };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const completion = this.options.completion;
    return [
      new Plugin({
        key: KEY,
        props: {
          handleKeyDown(_view, event) {
            if (!completion || event.altKey || event.ctrlKey || event.metaKey) return false;
            const handled =
              event.key === "ArrowDown"
                ? completion.move(1)
                : event.key === "ArrowUp"
                  ? completion.move(-1)
                  : (event.key === "Enter" && !event.shiftKey) || event.key === "Tab"
                    ? completion.choose(editor)
                    : event.key === "Escape"
                      ? completion.dismiss()
                      : false;
            // The keys are the list's: the form around does not cancel (Escape) or leave (Tab).
            if (handled) event.stopPropagation();
            return handled;
          },
        },
      }),
    ];
  },

  onUpdate() {
    this.options.completion?.track(this.editor);
  },
  onSelectionUpdate() {
    this.options.completion?.track(this.editor);
  },
  onFocus() {
    this.options.completion?.track(this.editor);
  },
  onBlur() {
    this.options.completion?.track(this.editor);
  },
});
