import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { Window } from "happy-dom";
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
 * (by `prepareBody`) like a typed note, which renders its own safe HTML.
 */
export function bodyFromHtml(html: string): JSONContent {
  const template = htmlDocument().createElement("template");
  template.innerHTML = html;
  const parsed = ProseMirrorParser.fromSchema(bodySchema()).parse(template.content as unknown as Node);
  return parsed.toJSON() as JSONContent;
}

/** A text body as a file or client gives it: HTML or plain text. */
export interface BodyPart {
  value: string;
  html: boolean;
}

/**
 * HTML longer than this is refused unread (`tooLong`): parsing costs about 30 µs per element, and a
 * body's text may not exceed MAX_BODY_CHARACTERS anyway.
 */
export const MAX_BODY_HTML_CHARACTERS = 4 * MAX_BODY_CHARACTERS;

/**
 * One body made of several text bodies, each HTML or plain text, with an empty line between; null
 * when one part's HTML is over MAX_BODY_HTML_CHARACTERS.
 */
export function bodyFromParts(parts: readonly BodyPart[]): JSONContent | null {
  if (parts.some((part) => part.html && part.value.length > MAX_BODY_HTML_CHARACTERS)) return null;
  const content: JSONContent[] = [];
  for (const part of parts) {
    if (content.length > 0) content.push({ type: "paragraph" });
    content.push(
      ...((part.html ? bodyFromHtml(part.value) : bodyFromPlainText(part.value.trim())).content ?? []),
    );
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
