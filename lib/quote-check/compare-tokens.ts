import { diffArrays } from "diff";
import type { Token } from "./tokenise-text.ts";
import type { AlignedToken, QuoteDifference } from "./types.ts";

/** How a quotation lines up with a stretch of a source. */
export interface TokenComparison {
  /** The source tokens the quotation covers: indexes into the tokens compared, both inclusive. */
  first: number;
  last: number;
  differences: QuoteDifference[];
  tokens: AlignedToken[];
  /** 1 − edits ÷ length, unrounded (see `QuoteMatch.similarity`; omissions weigh OMISSION_WEIGHT). */
  similarity: number;
  /** The source tokens (inclusive index ranges) that the quotation's ellipsis marks stand for. */
  elided: { first: number; last: number }[];
}

/** Above this product of lengths, a changed run counts as wholly changed instead of being measured. */
const MAX_LEVENSHTEIN_CELLS = 1_000_000;
/**
 * What a character of source text left out (without an ellipsis mark) costs, against 1 for a character
 * changed or added: a silent cut is a fault of form, the quotation still says nothing the source does
 * not; so "A B D" for "A B C D" ranks above a place where the quotation's words are replaced.
 */
export const OMISSION_WEIGHT = 0.5;
const SENTENCE_TERMINATORS = new Set([".", "!", "?"]);

/** A run of source tokens (`source[sFrom..sTo)`) against a run of quotation tokens, equal or not. */
interface Segment {
  common: boolean;
  sFrom: number;
  sTo: number;
  qFrom: number;
  qTo: number;
}

/**
 * Aligns the quotation's tokens with a stretch of source tokens (jsdiff's `diffArrays`, Myers' O(ND)
 * diff, tokens equal when equal without case and diacritics) and describes the differences:
 * - source tokens before the quotation's first and after its last aligned token are cut off, except
 *   as many as the quotation has unaligned tokens there (they become "changed"), never across the end
 *   of a sentence;
 * - aligned tokens that differ in case or diacritics are "changed", one word each;
 * - source tokens where the quotation has an ellipsis mark are "elided", not a difference;
 * - other unaligned runs are "changed", "added", "missing-ellipsis" (words left out) or "missing"
 *   (punctuation left out).
 * Returns null when no source token is left to cover.
 */
export function compareTokens(
  quote: Token[],
  quoteOriginal: string,
  source: Token[],
  sourceOriginal: string,
): TokenComparison | null {
  const segments = alignSegments(quote, source);
  trimEdges(segments, quote, source);
  const kept = segments.filter((segment) => segment.sTo > segment.sFrom);
  if (kept.length === 0) return null;

  const quoteText = (from: number, to: number) => originalText(quoteOriginal, quote.slice(from, to));
  const sourceText = (from: number, to: number) => originalText(sourceOriginal, source.slice(from, to));
  const differences: QuoteDifference[] = [];
  const tokens: AlignedToken[] = [];
  const elided: { first: number; last: number }[] = [];
  let errors = 0;
  let quoteLength = 0;
  let sourceLength = 0;
  let omittedLength = 0;

  for (const segment of segments) {
    const { sFrom, sTo, qFrom, qTo } = segment;
    if (sTo === sFrom && qTo === qFrom) continue;
    if (segment.common) {
      for (let k = 0; k < qTo - qFrom; k++) {
        const q = quote[qFrom + k]!;
        const s = source[sFrom + k]!;
        const text = quoteText(qFrom + k, qFrom + k + 1);
        quoteLength += q.text.length;
        sourceLength += s.text.length;
        if (q.text === s.text) {
          tokens.push({ text, status: "same", spaceBefore: q.spaceBefore });
          continue;
        }
        const sourceWord = sourceText(sFrom + k, sFrom + k + 1);
        errors += levenshtein(q.text, s.text);
        differences.push({ kind: "changed", quoted: text, source: sourceWord });
        tokens.push({ text, status: "changed", source: sourceWord, spaceBefore: q.spaceBefore });
      }
      continue;
    }

    const quoted = quote.slice(qFrom, qTo);
    const words = quoted.filter((token) => token.kind !== "ellipsis");
    const wordsText = joinTexts(words);
    quoteLength += wordsText.length;
    const omitted = sourceText(sFrom, sTo);
    const omittedText = joinTexts(source.slice(sFrom, sTo));
    if (words.length < quoted.length) {
      // The quotation marks an omission here: the source's tokens are elided, its other tokens added.
      if (sTo > sFrom) elided.push({ first: sFrom, last: sTo - 1 });
      let elidedShown = false;
      quoted.forEach((token, k) => {
        const text = quoteText(qFrom + k, qFrom + k + 1);
        if (token.kind === "ellipsis") {
          tokens.push({
            text,
            status: "elided",
            source: elidedShown ? "" : omitted,
            spaceBefore: token.spaceBefore,
          });
          elidedShown = true;
        } else {
          tokens.push({ text, status: "added", spaceBefore: token.spaceBefore });
        }
      });
      if (words.length > 0) {
        errors += wordsText.length;
        differences.push({ kind: "added", quoted: originalText(quoteOriginal, words) });
      }
      continue;
    }
    if (qTo > qFrom) sourceLength += omittedText.length;
    if (sTo === sFrom) {
      errors += wordsText.length;
      differences.push({ kind: "added", quoted: quoteText(qFrom, qTo) });
      tokens.push({ text: quoteText(qFrom, qTo), status: "added", spaceBefore: quoted[0]!.spaceBefore });
    } else if (qTo === qFrom) {
      omittedLength += omittedText.length;
      const leftOutWords = source.slice(sFrom, sTo).some((token) => token.kind === "word");
      differences.push({ kind: leftOutWords ? "missing-ellipsis" : "missing", source: omitted });
      tokens.push({ text: omitted, status: "missing", spaceBefore: source[sFrom]!.spaceBefore });
    } else {
      errors += levenshtein(wordsText, omittedText);
      const text = quoteText(qFrom, qTo);
      differences.push({ kind: "changed", quoted: text, source: omitted });
      tokens.push({ text, status: "changed", source: omitted, spaceBefore: quoted[0]!.spaceBefore });
    }
  }

  errors += OMISSION_WEIGHT * omittedLength;
  const length = Math.max(quoteLength, sourceLength, 1) + OMISSION_WEIGHT * omittedLength;
  const similarity = Math.max(0, 1 - errors / length);
  return {
    first: kept[0]!.sFrom,
    last: kept[kept.length - 1]!.sTo - 1,
    differences,
    tokens,
    similarity,
    elided,
  };
}

/** The diff as runs: common runs, and unaligned runs (source and quotation tokens) between them. */
function alignSegments(quote: Token[], source: Token[]): Segment[] {
  const changes = diffArrays(source, quote, { comparator: (a, b) => a.folded === b.folded });
  const segments: Segment[] = [];
  let s = 0;
  let q = 0;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      segments.push({ common: true, sFrom: s, sTo: s + change.count, qFrom: q, qTo: q + change.count });
      s += change.count;
      q += change.count;
      continue;
    }
    let last = segments[segments.length - 1];
    if (last === undefined || last.common) {
      last = { common: false, sFrom: s, sTo: s, qFrom: q, qTo: q };
      segments.push(last);
    }
    if (change.removed) s = last.sTo += change.count;
    else q = last.qTo += change.count;
  }
  return segments;
}

/**
 * Cuts the source tokens before the first and after the last aligned token down to as many as the
 * quotation has unaligned words there (a changed first or last word), not crossing a sentence's end.
 */
function trimEdges(segments: Segment[], quote: Token[], source: Token[]): void {
  if (!segments.some((segment) => segment.common)) return;
  const wordsIn = (segment: Segment) =>
    quote.slice(segment.qFrom, segment.qTo).filter((token) => token.kind !== "ellipsis").length;
  const isTerminator = (k: number) =>
    source[k]!.kind === "punctuation" && SENTENCE_TERMINATORS.has(source[k]!.text);

  const head = segments[0]!;
  if (!head.common) {
    let from = head.sTo - Math.min(head.sTo - head.sFrom, wordsIn(head));
    for (let k = from; k < head.sTo; k++) if (isTerminator(k)) from = k + 1;
    head.sFrom = from;
  }
  const tail = segments[segments.length - 1]!;
  if (!tail.common) {
    let to = tail.sFrom + Math.min(tail.sTo - tail.sFrom, wordsIn(tail));
    for (let k = tail.sFrom; k < to; k++) {
      if (isTerminator(k)) {
        to = k + 1;
        break;
      }
    }
    tail.sTo = to;
  }
}

function joinTexts(tokens: Token[]): string {
  return tokens.map((token) => token.text).join("");
}

/** The original text of a run of tokens, with runs of white space as one space. */
function originalText(original: string, tokens: Token[]): string {
  if (tokens.length === 0) return "";
  return original.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/gu, " ");
}

/** Edit distance (insertions, deletions, substitutions of UTF-16 units), two rows of the table. */
export function levenshtein(a: string, b: string): number {
  if (a.length * b.length > MAX_LEVENSHTEIN_CELLS) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
