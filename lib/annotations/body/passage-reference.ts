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
  /** What the chip says: the source's title and the sentence numbers (in the author's language). */
  label: string;
  /** The cited text, for the tooltip and screen readers. */
  quote: string;
  /**
   * The label in each interface language (the server writes both on save), so a reader's page shows
   * the chip in the reader's language; null in chips saved before, which show `label`.
   */
  labels?: ReferenceLabels | null;
  /** The language of the cited text (BCP 47), for its quotation; null if unknown. */
  language?: string | null;
}

/** A chip's label in each interface language. */
export interface ReferenceLabels {
  pl: string;
  en: string;
}

/** The class of each language's label inside a chip; the page's language shows one (globals.css). */
export const PASSAGE_REFERENCE_LABEL_CLASS = "passage-ref-label";

/** A language tag as the server writes one ("pl", "en-GB"), nothing an attribute could break out of. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u;

/** Stored labels as written by the server, or null (JSON from outside may hold anything). */
export function referenceLabels(value: unknown): ReferenceLabels | null {
  if (typeof value !== "object" || value === null) return null;
  const { pl, en } = value as Record<string, unknown>;
  if (typeof pl !== "string" || typeof en !== "string") return null;
  return { pl: referenceText(pl, MAX_REFERENCE_LABEL), en: referenceText(en, MAX_REFERENCE_LABEL) };
}

/** A stored language tag, or null. */
export function referenceLanguage(value: unknown): string | null {
  return typeof value === "string" && value.length <= 35 && LANGUAGE_TAG.test(value) ? value : null;
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
      // Written by the server on save; a pasted chip's are taken from its HTML (and rewritten anyway).
      labels: { default: null, rendered: false, parseHTML: labelsOf },
      language: {
        default: null,
        rendered: false,
        parseHTML: (element) => referenceLanguage(element.querySelector("q")?.getAttribute("lang")),
      },
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

/**
 * The label of a chip's element: its text without the hidden quotation (a chip with a label per
 * language: the one in the page's language, else the first).
 */
function labelOf(element: HTMLElement): string {
  let label = "";
  for (const child of element.childNodes) {
    if (child.nodeType === 3) label += child.textContent ?? "";
  }
  if (label.trim()) return label.trim();
  const labels = [...element.querySelectorAll<HTMLElement>(`.${PASSAGE_REFERENCE_LABEL_CLASS}`)];
  const pageLanguage = element.ownerDocument.documentElement.lang;
  const chosen = labels.find((span) => span.lang === pageLanguage) ?? labels[0];
  return chosen?.textContent?.trim() ?? "";
}

/** The labels of a pasted chip with one per language, or null. */
function labelsOf(element: HTMLElement): ReferenceLabels | null {
  const text = (lang: string) =>
    element.querySelector(`.${PASSAGE_REFERENCE_LABEL_CLASS}[lang="${lang}"]`)?.textContent;
  return referenceLabels({ pl: text("pl"), en: text("en") });
}
