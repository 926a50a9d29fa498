import type { Editor } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { MentionCompletion } from "@/app/_components/annotations/editor/mention-completion";

const MEMBERS = [
  { id: "ala", name: "Ala Autorka" },
  { id: "adam", name: "Adam Nowak" },
  { id: "bartek", name: "Bartek Kolega" },
];

/** An editor with one paragraph holding `text`, the cursor at its end (positions as ProseMirror's). */
function editorWith(text: string, focused = true) {
  const inserted: { from: number; to: number; text: string }[] = [];
  const chain = {
    focus: () => chain,
    insertContentAt: (range: { from: number; to: number }, content: string) => {
      inserted.push({ ...range, text: content });
      return chain;
    },
    run: () => true,
  };
  const editor = {
    isFocused: focused,
    state: {
      selection: {
        empty: true,
        $from: {
          pos: 1 + text.length,
          parentOffset: text.length,
          parent: { textBetween: (from: number, to: number) => text.slice(from, to) },
        },
      },
    },
    chain: () => chain,
  };
  return { editor: editor as unknown as Editor, inserted };
}

function completion() {
  let asked = 0;
  const made = new MentionCompletion("pl", () => {
    asked += 1;
    made.setMembers(MEMBERS);
  });
  return { made, asked: () => asked };
}

describe("@mention completion", () => {
  it("opens on @ and a letter, asks for the members, and offers the names that match", () => {
    const { made, asked } = completion();
    made.track(editorWith("Ask @").editor);
    expect(made.getSnapshot().open).toBe(false);
    made.track(editorWith("Ask @a").editor);
    expect(asked()).toBe(1);
    expect(made.getSnapshot()).toMatchObject({ open: true, active: 0 });
    expect(made.getSnapshot().options.map((m) => m.id)).toEqual(["adam", "ala"]);
  });

  it("moves with the arrows, wrapping round, and inserts the chosen name in place of @query", () => {
    const { made } = completion();
    const { editor, inserted } = editorWith("Ask @a");
    made.track(editor);
    expect(made.move(1)).toBe(true);
    expect(made.getSnapshot().active).toBe(1);
    expect(made.move(1)).toBe(true);
    expect(made.getSnapshot().active).toBe(0);
    made.move(-1);
    expect(made.choose(editor)).toBe(true);
    expect(inserted).toEqual([{ from: 5, to: 7, text: "@Ala Autorka " }]);
    expect(made.getSnapshot().open).toBe(false);
    // Closed: the keys are the editor's again.
    expect(made.move(1)).toBe(false);
    expect(made.choose(editor)).toBe(false);
  });

  it("stays closed after Escape until another @, and closes when the editor loses focus", () => {
    const { made } = completion();
    made.track(editorWith("@b").editor);
    expect(made.dismiss()).toBe(true);
    made.track(editorWith("@ba").editor);
    expect(made.getSnapshot().open).toBe(false);
    made.track(editorWith("@ba and @b").editor);
    expect(made.getSnapshot().open).toBe(true);
    made.track(editorWith("@ba and @b", false).editor);
    expect(made.getSnapshot().open).toBe(false);
    expect(made.dismiss()).toBe(false);
  });
});
