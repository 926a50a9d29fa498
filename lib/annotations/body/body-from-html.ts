import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import MarkdownIt from "markdown-it";
import { MAX_BODY_CHARACTERS } from "@/lib/annotations/types";
import { bodyFromPlainText } from "./plain-text-body.ts";
import { bodySchema } from "./validate-body.ts";

/**
 * A body from HTML written elsewhere (a `text/html` TextualBody of an imported file or a protocol
 * client, Glossa's own export among them): the HTML is parsed into a document by happy-dom (never
 * with regular expressions, never run: no scripts, styles or subresources) and read by ProseMirror's
 * parser with the body schema, the editor's own rules: paragraphs, bold, italic, lists, quotations,
 * line breaks, allowed links and cross-references to passages are kept; every other element gives
 * its text alone, and scripts and styles give nothing. The result still goes through `validateBody`
 * (by `prepareBody`) like a typed note, which renders its own safe HTML. Null when the HTML cannot be
 * read: longer than MAX_BODY_HTML_CHARACTERS, or elements nested deeper than MAX_BODY_HTML_DEPTH
 * (ProseMirror's parser recurses, and a few thousand levels exhaust the stack).
 */
export function bodyFromHtml(html: string): JSONContent | null {
  if (html.length > MAX_BODY_HTML_CHARACTERS) return null;
  const template = htmlDocument().createElement("template");
  try {
    template.innerHTML = html;
  } catch {
    return null;
  }
  if (depthOf(template.content as unknown as Node) > MAX_BODY_HTML_DEPTH) return null;
  const parsed = ProseMirrorParser.fromSchema(bodySchema()).parse(template.content as unknown as Node);
  return parsed.toJSON() as JSONContent;
}

/** How deep elements nest under `root`, counted without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const pending: [Node, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_HTML_DEPTH) break;
    for (const child of Array.from(node.childNodes)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * HTML longer than this is not read: parsing costs about 30 µs per element, and a body's text may not
 * exceed MAX_BODY_CHARACTERS anyway.
 */
export const MAX_BODY_HTML_CHARACTERS = 4 * MAX_BODY_CHARACTERS;

/** Elements nested deeper than this are not read (a note's lists and quotations nest a few levels). */
export const MAX_BODY_HTML_DEPTH = 100;

/** A text body as a file or client gives it: HTML, Markdown (Hypothesis's notes) or plain text. */
export interface BodyPart {
  value: string;
  format: "html" | "markdown" | "text";
}

/** The format of a W3C TextualBody (its media type; plain text when it names none or another). */
export function bodyPartFormat(mediaType: string | undefined): BodyPart["format"] {
  return mediaType === "text/html" ? "html" : mediaType === "text/markdown" ? "markdown" : "text";
}

/**
 * markdown-it, CommonMark with links found in the text and a line break for each newline (as
 * Hypothesis shows its notes); HTML written in the Markdown is shown as text, never read as HTML.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/**
 * One body made of several text bodies, each HTML, Markdown (made HTML by markdown-it) or plain text,
 * with an empty line between; null when one part's HTML cannot be read (see bodyFromHtml).
 */
export function bodyFromParts(parts: readonly BodyPart[]): JSONContent | null {
  const content: JSONContent[] = [];
  for (const part of parts) {
    const body =
      part.format === "html"
        ? bodyFromHtml(part.value)
        : part.format === "markdown"
          ? bodyFromHtml(markdown.render(part.value))
          : bodyFromPlainText(part.value.trim());
    if (body === null) return null;
    if (content.length > 0) content.push({ type: "paragraph" });
    content.push(...(body.content ?? []));
  }
  return { type: "doc", content };
}

let document: Window["document"] | undefined;

/**
 * The inert document bodies are parsed in (a `<template>`'s content: nothing in it is loaded or run),
 * on a window that loads and runs nothing, made once: a window costs milliseconds, and each document
 * from happy-dom's DOMParser stays in memory with its window.
 */
function htmlDocument(): Window["document"] {
  document ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  }).document;
  return document;
}
