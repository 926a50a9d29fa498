import type { AlignedToken } from "@/lib/quote-check/types";

/**
 * The quotation as it should read: the source's words where the quotation changed them, the words
 * and punctuation it left out without an ellipsis mark put back, the words it added dropped, and its
 * ellipsis marks kept (they are right: the check found the words around them in the source).
 */
export function correctedText(tokens: AlignedToken[]): string {
  let text = "";
  for (const token of tokens) {
    if (token.status === "added") continue;
    const word = token.status === "changed" ? (token.source ?? token.text) : token.text;
    if (word === "") continue;
    text += text !== "" && token.spaceBefore ? ` ${word}` : word;
  }
  return text;
}
