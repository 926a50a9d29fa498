import {
  getAttributesFromExtensions,
  resolveExtensions,
  splitExtensions,
  type JSONContent,
} from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import {
  escapeHTML,
  escapeHTMLAttribute,
  renderJSONContentToString,
  type MarkProps,
  type NodeProps,
} from "@tiptap/static-renderer/json/html-string";
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from "@tiptap/static-renderer/pm/html-string";
import { PERMALINK_ID_PATTERN } from "@/lib/permalinks/permalink-id-pattern";
import { bodyExtensions, isAllowedLink, LINK_ATTRIBUTES } from "./extensions.ts";
import {
  MAX_REFERENCE_LABEL,
  MAX_REFERENCE_QUOTE,
  PASSAGE_REFERENCE,
  PASSAGE_REFERENCE_CLASS,
  PASSAGE_REFERENCE_LABEL_CLASS,
  PASSAGE_REFERENCE_QUOTE_CLASS,
  permalinkPath,
  referenceLabels,
  referenceLanguage,
  referenceText,
} from "./passage-reference.ts";
import { bodySchema, LIST_STYLES } from "./validate-body.ts";

type RenderNode = (props: NodeProps<ProseMirrorNode, string | string[]>) => string;
type RenderMark = (props: MarkProps<Mark, string | string[], ProseMirrorNode>) => string;
type RenderBody = (ctx: { content: ProseMirrorNode }) => string;

let cachedRenderer: RenderBody | undefined;

/**
 * Renders a validated annotation body (see `validateBody`) to HTML on the server, with the extensions
 * the editor uses and no DOM. Text and attribute values are escaped; every link is
 * `<a href="…" rel="noopener nofollow ugc">` with no target, and a link whose href is not allowed
 * (rechecked here) is dropped, keeping its text. A cross-reference is a chip linking to its permalink
 * with only the attributes written here (a malformed id renders its label as plain text). `null` (a
 * highlight, a deleted body) renders as "".
 * Throws if the stored JSON does not fit the schema, which validation on write rules out.
 */
export function renderBodyHtml(doc: JSONContent | null): string {
  if (doc === null) return "";
  const node = bodySchema().nodeFromJSON(doc);
  node.check();
  cachedRenderer ??= createRenderer();
  return cachedRenderer({ content: node });
}

/**
 * Builds the node and mark renderers once. `renderToHTMLString` from static-renderer does the same on
 * every call (resolving the extensions), which costs about 0.25 ms per body against 0.01 ms here.
 */
function createRenderer(): RenderBody {
  const extensions = resolveExtensions(bodyExtensions());
  const attributes = getAttributesFromExtensions(extensions);
  const { nodeExtensions, markExtensions } = splitExtensions(extensions);
  const nodeMapping: Record<string, RenderNode> = Object.fromEntries(
    nodeExtensions.map((extension) =>
      mapNodeExtensionToReactNode(domOutputSpecToHTMLString, extension, attributes),
    ),
  );
  const markMapping: Record<string, RenderMark> = Object.fromEntries(
    markExtensions.map((extension) =>
      mapMarkExtensionToReactNode(domOutputSpecToHTMLString, extension, attributes),
    ),
  );
  return renderJSONContentToString<Mark, ProseMirrorNode>({
    nodeMapping: {
      ...nodeMapping,
      doc: ({ children }) => serializeChildrenToHTMLString(children),
      text: ({ node }) => escapeHTML(node.text ?? ""),
      orderedList: renderOrderedList,
      [PASSAGE_REFERENCE]: renderPassageReference,
    },
    markMapping: { ...markMapping, link: renderLink },
  }) as RenderBody;
}

/** `<ol>` with only a numeric start and a known numbering style (the extension renders any `type`). */
const renderOrderedList: RenderNode = ({ node, children }) => {
  const { start, type } = node.attrs as { start: unknown; type: unknown };
  const startAttribute = Number.isSafeInteger(start) && start !== 1 ? ` start="${String(start)}"` : "";
  const typeAttribute =
    typeof type === "string" && LIST_STYLES.has(type) ? ` type="${escapeHTMLAttribute(type)}"` : "";
  return `<ol${startAttribute}${typeAttribute}>${serializeChildrenToHTMLString(children)}</ol>`;
};

/**
 * A link with only its href and our rel (the Link extension would render any target, rel or class
 * stored in the JSON), or just its text when the href is not allowed.
 */
const renderLink: RenderMark = ({ mark, children }) => {
  const content = serializeChildrenToHTMLString(children);
  const href: unknown = mark.attrs.href;
  if (typeof href !== "string" || !isAllowedLink(href)) return content;
  return `<a href="${escapeHTMLAttribute(href)}" rel="${LINK_ATTRIBUTES.rel}">${content}</a>`;
};

/**
 * `<a href="/p/{id}" class="passage-ref" data-passage-ref="{id}" title="{quote}">{label}<span
 * class="passage-ref-quote"> <q>{quote}</q></span></a>`, every value escaped and nothing else from the
 * JSON passed through; the hidden quotation makes the cited text part of the link for screen readers
 * and keyboard users (a title alone reaches neither). With a label per interface language (chips
 * saved since they were stored) each is a `<span class="passage-ref-label" lang="…">` and the page
 * shows the one in its language (globals.css); the quotation says its language (`<q lang="pl">`).
 * An id that is not a permalink id (rechecked here) renders the label alone, as text.
 */
const renderPassageReference: RenderNode = ({ node }) => {
  const { permalinkId, label, quote, labels, language } = node.attrs as Record<string, unknown>;
  const text = escapeHTML(referenceText(label, MAX_REFERENCE_LABEL));
  if (typeof permalinkId !== "string" || !PERMALINK_ID_PATTERN.test(permalinkId)) return text;
  const cited = referenceText(quote, MAX_REFERENCE_QUOTE);
  const each = referenceLabels(labels);
  const shown = each
    ? (["pl", "en"] as const)
        .map(
          (locale) =>
            `<span class="${PASSAGE_REFERENCE_LABEL_CLASS}" lang="${locale}">${escapeHTML(each[locale])}</span>`,
        )
        .join("")
    : text;
  const lang = referenceLanguage(language);
  return (
    `<a href="${escapeHTMLAttribute(permalinkPath(permalinkId))}" class="${PASSAGE_REFERENCE_CLASS}" ` +
    `data-passage-ref="${escapeHTMLAttribute(permalinkId)}" title="${escapeHTMLAttribute(cited)}">` +
    `${shown}<span class="${PASSAGE_REFERENCE_QUOTE_CLASS}"> ` +
    `<q${lang ? ` lang="${lang}"` : ""}>${escapeHTML(cited)}</q></span></a>`
  );
};
