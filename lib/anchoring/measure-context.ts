import { countEditsAtStart } from "./count-edits.ts";
import type { TextQuoteSelector, TextRange } from "./selectors.ts";

/**
 * Extra characters read beyond the stored prefix or suffix, so that a few inserted characters next
 * to the quote cost their own edits rather than shifting (and so mismatching) the whole context.
 */
const CONTEXT_SLACK = 8;

export interface ContextFit {
  /** 0 to 1: how well the text just before the candidate matches the stored prefix. */
  prefix: number;
  /** 0 to 1: how well the text just after the candidate matches the stored suffix. */
  suffix: number;
  /** Both together, weighted by their stored lengths; 1 when nothing was stored. */
  both: number;
}

/** Reversed by UTF-16 code units, the unit every offset and edit count here uses. */
const reverse = (text: string) => text.split("").reverse().join("");

/**
 * How well the text around a candidate range matches the stored prefix and suffix. The prefix is
 * aligned to end where the candidate starts and the suffix to start where it ends; at the edges of the
 * text the missing context counts as unmatched, except where the stored context was cut there too.
 */
export function measureContext(text: string, range: TextRange, quote: TextQuoteSelector): ContextFit {
  const { prefix, suffix } = quote;
  const before = text.slice(Math.max(0, range.start - prefix.length - CONTEXT_SLACK), range.start);
  const after = text.slice(range.end, range.end + suffix.length + CONTEXT_SLACK);
  const prefixFit =
    prefix.length === 0 ? 1 : 1 - countEditsAtStart(reverse(prefix), reverse(before)) / prefix.length;
  const suffixFit = suffix.length === 0 ? 1 : 1 - countEditsAtStart(suffix, after) / suffix.length;
  const total = prefix.length + suffix.length;
  const both = total === 0 ? 1 : (prefix.length * prefixFit + suffix.length * suffixFit) / total;
  return { prefix: prefixFit, suffix: suffixFit, both };
}
