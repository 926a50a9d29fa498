import { sentenceSpan } from "./annotation-csv.ts";
import type { ExportedAnnotation, ExportedThread, ExportLinks } from "./exported-annotation.ts";

/** The words a Markdown export is written with, in the reader's language (the "export.markdown" messages). */
export interface MarkdownLabels {
  kind(kind: ExportedAnnotation["kind"]): string;
  /** "sentences 3–4" / "zd. 3–4". */
  sentences(span: string): string;
  reply: string;
  replyTo: string;
  tags: string;
  deleted: string;
  openInReader: string;
}

/**
 * Characters that Markdown (CommonMark and GitHub's) reads as emphasis, code, links, tables or raw
 * HTML anywhere in a line: escaped with a backslash, so a note's text is shown as written and never
 * becomes a link, an image or markup. (Parentheses and "!" make nothing without a "[".)
 */
const INLINE_SYNTAX = /[\\`*_[\]<>|~&]/gu;

/** What starts a heading, a quotation, a list item or a rule at the start of a line. */
const LINE_START_SYNTAX = /^(\s*)([#>+=-]|\d+[.)])/gmu;

/** Text written as it is, whatever Markdown would make of it. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SYNTAX, (character) => `\\${character}`)
    .replace(LINE_START_SYNTAX, (_match, space: string, marker: string) =>
      // A backslash escapes punctuation only: "1." is escaped as "1\.".
      /^\d/u.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    );
}

/** Each line of `text` (escaped) prefixed by `prefix`; blank lines keep the prefix without padding. */
function prefixed(text: string, prefix: string): string {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) => (line.trim() === "" ? prefix.trimEnd() : `${prefix}${escapeMarkdown(line)}`))
    .join("\n");
}

function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The title line of an export. */
export function markdownTitle(title: string): string {
  return `# ${escapeMarkdown(title)}\n\n`;
}

/**
 * One thread as Markdown: a heading with the source and its sentences (linked to the first sentence
 * in the reader), the quotation as a block quote, who wrote it and when, the body as plain text, its
 * tags, then its replies as a nested list. A reply exported without its thread (the caller's reply
 * in a thread they do not read) says what it replies to by its IRI only.
 */
export function markdownThread(thread: ExportedThread, links: ExportLinks, labels: MarkdownLabels): string {
  const { root } = thread;
  const parts: string[] = [];
  if (root.parentId === null) {
    const span = root.sentences === null ? "" : `, ${labels.sentences(sentenceSpan(root.sentences))}`;
    parts.push(`## ${escapeMarkdown(`${root.source.title}${span}`)}`);
    if (root.quote && root.quote.exact !== "") parts.push(prefixed(root.quote.exact, "> "));
  } else {
    parts.push(`## ${escapeMarkdown(`${root.source.title}: ${labels.reply}`)}`);
    parts.push(`${escapeMarkdown(labels.replyTo)} <${links.annotation(root.parentId)}>`);
  }
  parts.push(byline(root, links, labels));
  if (root.deleted) parts.push(`_${escapeMarkdown(labels.deleted)}_`);
  else if (root.bodyText !== "") parts.push(prefixed(root.bodyText, ""));
  if (!root.deleted && root.tags.length > 0) {
    parts.push(
      `${escapeMarkdown(labels.tags)}: ${root.tags.map((tag) => `\`${tag.replaceAll("`", "'")}\``).join(", ")}`,
    );
  }
  if (thread.replies.length > 0)
    parts.push(thread.replies.map((reply) => markdownReply(reply, links)).join("\n"));
  return `${parts.join("\n\n")}\n\n`;
}

function byline(annotation: ExportedAnnotation, links: ExportLinks, labels: MarkdownLabels): string {
  const words = [
    annotation.parentId === null ? labels.kind(annotation.kind) : labels.reply,
    annotation.author.name,
    annotation.group?.name ?? "",
    stamp(annotation.createdAt),
  ].filter((word) => word !== "");
  const link =
    annotation.sentences === null
      ? ""
      : ` · [${escapeMarkdown(labels.openInReader)}](<${links.sentence(annotation.source.slug, annotation.sentences.first)}>)`;
  return `_${words.map(escapeMarkdown).join(" · ")}_${link} · <${links.annotation(annotation.id)}>`;
}

/** A reply as an item of the thread's list, its text indented under it. */
function markdownReply(reply: ExportedAnnotation, links: ExportLinks): string {
  const head = `- **${escapeMarkdown(reply.author.name)}** · ${escapeMarkdown(stamp(reply.createdAt))} · <${links.annotation(reply.id)}>`;
  const text = reply.deleted || reply.bodyText === "" ? "" : `\n\n${prefixed(reply.bodyText, "  ")}`;
  return `${head}${text}`;
}
