import { Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";

/** The node's name in Tiptap JSON. */
export const PASSAGE_REFERENCE = "passageReference";

/** The class of a cross-reference chip (`a.passage-ref`), styled where bodies are shown. */
export const PASSAGE_REFERENCE_CLASS = "passage-ref";

/**
 * The class of the quotation inside a chip: hidden on screen (the link's title shows it on hover), read
 * by screen readers as part of the link, and shown to keyboard users while the chip has focus.
 */
export const PASSAGE_REFERENCE_QUOTE_CLASS = "passage-ref-quote";

/** Longest label kept in a chip ("Dyrektywa z Kut, zd. 2–3"); the server writes it anyway. */
export const MAX_REFERENCE_LABEL = 300;

/**
 * Longest quotation kept in a chip: enough for a hover tooltip or a screen reader to say what is
 * cited; a longer passage is cut with "…" (the chip's link opens the whole of it).
 */
export const MAX_REFERENCE_QUOTE = 500;

export interface PassageReferenceAttributes {
  /** The cited passage's permalink id (PERMALINK_ID_PATTERN). */
  permalinkId: string;
  /** What the chip says: the source's title and the sentence numbers. */
  label: string;
  /** The cited text, for the tooltip and screen readers. */
  quote: string;
}

/** The locale-less address of a permalink, which redirects to the reader's language. */
export function permalinkPath(permalinkId: string): string {
  return `/p/${permalinkId}`;
}

/** A string attribute as stored, or "" (JSON from outside may hold anything). */
export function referenceText(value: unknown, max: number): string {
  if (typeof value !== "string") return "";
  const characters = [...value];
  return characters.length <= max ? value : `${characters.slice(0, max - 1).join("")}…`;
}

/**
 * A cross-reference to a passage of any source, inside an annotation body: an inline atom rendered as
 * `<a href="/p/{id}" class="passage-ref" data-passage-ref="{id}" title="{quote}">{label}<span
 * class="passage-ref-quote"> <q>{quote}</q></span></a>`. Its plain text (character count, search,
 * excerpts) is its label. The server replaces the label and quote from the database on every save
 * (see `resolveReferences`), so what a chip says about a passage is never the writer's word for it.
 */
export const PassageReference = Node.create({
  name: PASSAGE_REFERENCE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      permalinkId: {
        default: "",
        rendered: false,
        parseHTML: (element) => element.getAttribute("data-passage-ref") ?? "",
      },
      label: { default: "", rendered: false, parseHTML: labelOf },
      quote: { default: "", rendered: false, parseHTML: (element) => element.getAttribute("title") ?? "" },
    };
  },

  parseHTML() {
    // Before the link mark's `a[href]`: a pasted chip stays a chip.
    return [{ tag: "a[data-passage-ref]", priority: 60 }];
  },

  renderHTML({ node }) {
    const attributes = node.attrs as Partial<PassageReferenceAttributes>;
    const permalinkId = referenceText(attributes.permalinkId, 64);
    const quote = referenceText(attributes.quote, MAX_REFERENCE_QUOTE);
    return [
      "a",
      {
        href: permalinkPath(permalinkId),
        class: PASSAGE_REFERENCE_CLASS,
        "data-passage-ref": permalinkId,
        title: quote,
      },
      referenceText(attributes.label, MAX_REFERENCE_LABEL),
      ["span", { class: PASSAGE_REFERENCE_QUOTE_CLASS }, " ", ["q", quote]],
    ] satisfies DOMOutputSpec;
  },

  renderText({ node }) {
    return referenceText(node.attrs.label, MAX_REFERENCE_LABEL);
  },

  // In the editor a click selects the chip: it must not follow its link away from the unsaved note.
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleDOMEvents: {
            click: (_view, event) => {
              const target = event.target;
              if (target instanceof Element && target.closest(`a.${PASSAGE_REFERENCE_CLASS}`)) {
                event.preventDefault();
              }
              return false;
            },
          },
        },
      }),
    ];
  },

  // ProseMirror's own text of the node (textContent, textBetween): its label, as renderText above.
  extendNodeSchema(extension) {
    if (extension.name !== PASSAGE_REFERENCE) return {};
    return {
      leafText: (node: { attrs: Record<string, unknown> }) =>
        referenceText(node.attrs.label, MAX_REFERENCE_LABEL),
    };
  },
});

/** The label of a chip's element: its text without the hidden quotation. */
function labelOf(element: HTMLElement): string {
  let label = "";
  for (const child of element.childNodes) {
    if (child.nodeType === 3) label += child.textContent ?? "";
  }
  return label.trim();
}
