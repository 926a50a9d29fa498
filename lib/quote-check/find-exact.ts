import { findTokenRuns, passageIndexAt, type PreparedSource, type TokenForm } from "./prepare-source.ts";
import type { Token } from "./tokenise-text.ts";

/**
 * How many sentences an ellipsis mark may skip: the part after it must start in the sentence where
 * the part before it ends or in one of the next two. Seminar quotations shorten a sentence or join
 * neighbouring ones; parts further apart are two quotations, not one.
 */
export const MAX_ELIDED_SENTENCES = 2;

/** A run of a source's tokens, both ends inclusive. */
export interface TokenRun {
  source: PreparedSource;
  first: number;
  last: number;
}

/**
 * Every run of source tokens equal to `tokens` ("exact": case-sensitive; "lower": ignoring case;
 * "folded": ignoring case and diacritics), in corpus order. Whole tokens only, and white space between
 * tokens does not matter.
 */
export function findExactRuns(tokens: Token[], sources: PreparedSource[], form: TokenForm): TokenRun[] {
  const texts = tokens.map((token) =>
    form === "exact" ? token.text : form === "lower" ? token.lower : token.folded,
  );
  return sources.flatMap((source) =>
    findTokenRuns(source, texts, form).map((first) => ({ source, first, last: first + texts.length - 1 })),
  );
}

/** Whether the part starting at token `next` is near enough after the part ending at token `previous`. */
export function isWithinElidedReach(source: PreparedSource, previous: number, next: number): boolean {
  const from = passageIndexAt(source, source.tokens[previous]!.start);
  const to = passageIndexAt(source, source.tokens[next]!.start);
  return to - from <= MAX_ELIDED_SENTENCES;
}

/**
 * The tightest place where every part occurs verbatim (case-sensitive), in order, in one source, each
 * within MAX_ELIDED_SENTENCES of the one before; null if there is none. For each occurrence of the
 * first part, each next part is taken at its first occurrence after the previous one (a later one is
 * never nearer), so the cost is about the number of occurrences times a search of the source.
 */
export function findEllipsisChain(parts: Token[][], sources: PreparedSource[]): TokenRun[] | null {
  let best: TokenRun[] | null = null;
  const span = (chain: TokenRun[]) => chain[chain.length - 1]!.last - chain[0]!.first;
  for (const start of findExactRuns(parts[0]!, sources, "exact")) {
    const chain: TokenRun[] = [start];
    for (const part of parts.slice(1)) {
      const previous = chain[chain.length - 1]!;
      const texts = part.map((token) => token.text);
      const first = findTokenRuns(start.source, texts, "exact", previous.last + 1, 1)[0];
      if (first === undefined || !isWithinElidedReach(start.source, previous.last, first)) break;
      chain.push({ source: start.source, first, last: first + texts.length - 1 });
    }
    if (chain.length === parts.length && (best === null || span(chain) < span(best))) best = chain;
  }
  return best;
}
