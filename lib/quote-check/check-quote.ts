import { compareTokens, type TokenComparison } from "./compare-tokens.ts";
import { findEllipsisChain, findExactRuns, isWithinElidedReach, type TokenRun } from "./find-exact.ts";
import { findApproximateRuns, findWordWindows, type ScoredRun } from "./find-near.ts";
import { prepareQuotation, type PreparedQuotation } from "./prepare-quotation.ts";
import { passageIndexAt, prepareSource, type PreparedSource } from "./prepare-source.ts";
import { diacriticChanges } from "./diacritic-changes.ts";
import type {
  QuoteCheckOptions,
  QuoteCheckResult,
  QuoteCheckSource,
  QuoteDifference,
  QuoteMatch,
} from "./types.ts";

/**
 * The least similarity of a near match: at 0.6 a quotation may get up to 40% of its letters wrong,
 * or leave out (without an ellipsis mark) up to 1⅓ times its own length, and still be recognised; the
 * closest place for an unrelated sentence stays well below it (0.1–0.35 in the built-in corpus).
 */
export const MIN_SIMILARITY = 0.6;
/** The longest quotation checked: a long paragraph. Longer ones are a whole text, not a quotation. */
export const MAX_QUOTATION_LENGTH = 2000;
/**
 * Quotations with fewer words are only looked for as the same words (ignoring case, then diacritics):
 * a word or two is a few edits from many unrelated words ("ZSRR" is two edits from "ZSSR" and from "RP").
 */
export const MIN_FUZZY_WORDS = 3;
/** Candidates returned for a near match or a not-found quotation. */
export const MAX_CANDIDATES = 3;
/**
 * Places compared word by word, at most, from each search (edit distance; word windows): the best by
 * the search's own score across the corpus. Comparing costs O(m·d), so this keeps the cost of a check
 * independent of the number of sources; three are returned, so a few more than three are compared.
 */
const MAX_COMPARED_PER_SEARCH = 4;
/** Pasted text this many times longer than the limit is refused before it is normalised. */
const RAW_LENGTH_FACTOR = 10;

interface Candidate {
  match: QuoteMatch;
  comparison: TokenComparison;
}

/**
 * Checks a quotation against the corpus: where it occurs, exactly or nearly, and how it differs.
 * 1. "empty" (no word) and "too-long" (more than `maxLength` characters once normalised) come first.
 * 2. "exact": the quotation's tokens occur verbatim (case-sensitive; typographic quotes, dashes and
 *    apostrophes as plain ones, white space ignored; whole words only), with every occurrence.
 * 3. "exact-with-ellipsis": the parts between its ellipsis marks ("...", "…", "[…]", "(…)") occur
 *    verbatim, in order, in one source, each within MAX_ELIDED_SENTENCES sentences of the one before.
 * 4. Quotations of fewer than MIN_FUZZY_WORDS words go no further than the same words in another
 *    case or, failing that, with other diacritics ("near", with the change as a difference naming
 *    the letters); else "not-found" without candidates.
 * 5. Otherwise candidate places come from an edit-distance search (approx-string-match, ignoring case
 *    and diacritics, up to 1 − minSimilarity of the quotation's length in errors: 40%, not the 25%
 *    one might expect, since a place with 30% errors is still similar enough to report) and from
 *    windows holding most of the quotation's words (for long omissions and ellipses); each is aligned
 *    word by word (`compareTokens`) and scored; the best MAX_CANDIDATES that do not overlap are kept.
 *    "near" if the best reaches `minSimilarity` (the others returned only if they do too), else
 *    "not-found" with the closest places anyway.
 *
 * Cost, for a corpus of n characters and a quotation of m: normalising, tokenising and the exact and
 * window searches are O(n) (indexOf over joined tokens; sorting the windows adds a log); the
 * edit-distance search is expected O(n·k/32) for a budget of k errors (k ≤ m, k = m only when
 * nothing is within the budget); only the 2 × MAX_COMPARED_PER_SEARCH best places are compared word
 * by word, each O(m·d) for d differences, at most O(m²). So linear in the corpus for a given
 * quotation: 10–50 ms for a 2,000-character quotation against the five sources, about 0.15 s
 * against forty times as much text.
 * The corpus is prepared on every call; for a large corpus, cache `prepareSource` per edition.
 */
export function checkQuote(
  quotation: string,
  corpus: QuoteCheckSource[],
  options: QuoteCheckOptions = {},
): QuoteCheckResult {
  const maxLength = options.maxLength ?? MAX_QUOTATION_LENGTH;
  const minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
  if (quotation.length > maxLength * RAW_LENGTH_FACTOR) {
    return { status: "too-long", length: quotation.length, maxLength };
  }
  const prepared = prepareQuotation(quotation);
  if (prepared.wordCount === 0) return { status: "empty" };
  if (prepared.length > maxLength) return { status: "too-long", length: prepared.length, maxLength };
  const sources = corpus.map(prepareSource);

  const exact = findExactRuns(prepared.tokens, sources, "exact");
  if (exact.length > 0) {
    const occurrences = exact.map((run) => toMatch(run, 1));
    return { status: "exact", match: occurrences[0]!, count: occurrences.length, occurrences };
  }

  if (prepared.hasEllipsis) {
    const chain = findEllipsisChain(prepared.parts, sources);
    if (chain !== null) {
      const run = { source: chain[0]!.source, first: chain[0]!.first, last: chain[chain.length - 1]!.last };
      return {
        status: "exact-with-ellipsis",
        match: toMatch(run, 1),
        parts: chain.map((part) => ({
          start: part.source.tokens[part.first]!.start,
          end: part.source.tokens[part.last]!.end,
        })),
        tokens: compare(prepared, run)?.comparison.tokens ?? [],
      };
    }
  }

  const short = prepared.wordCount < MIN_FUZZY_WORDS;
  const runs = short ? findShortRuns(prepared, sources) : findNearRuns(prepared, sources, minSimilarity);
  const candidates = bestCandidates(runs.flatMap((run) => compare(prepared, run) ?? []));
  const best = candidates[0];
  if (best === undefined || (!short && best.match.similarity < minSimilarity)) {
    return { status: "not-found", candidates: candidates.map((candidate) => candidate.match) };
  }
  return {
    status: "near",
    match: best.match,
    differences: best.comparison.differences.map(withDiacritics),
    tokens: best.comparison.tokens,
    candidates: candidates
      .filter((candidate) => short || candidate.match.similarity >= minSimilarity)
      .map((candidate) => candidate.match),
  };
}

/**
 * Compares the quotation with a run of source tokens; null if nothing is left to cover or an ellipsis
 * mark stands for more than MAX_ELIDED_SENTENCES sentences.
 */
function compare(quotation: PreparedQuotation, run: TokenRun): Candidate | null {
  const { source } = run;
  const tokens = source.tokens.slice(run.first, run.last + 1);
  const comparison = compareTokens(quotation.tokens, quotation.original, tokens, source.original);
  if (comparison === null) return null;
  const lastToken = source.tokens.length - 1;
  const tooFar = comparison.elided.some(
    (elided) =>
      !isWithinElidedReach(
        source,
        Math.max(0, run.first + elided.first - 1),
        Math.min(lastToken, run.first + elided.last + 1),
      ),
  );
  if (tooFar) return null;
  const covered = { source, first: run.first + comparison.first, last: run.first + comparison.last };
  return { match: toMatch(covered, comparison.similarity), comparison };
}

/**
 * Where a short quotation is, in another case ("pakt" for "Pakt") or, if nowhere so, with other
 * diacritics too ("Rydz-Smigly" for "Rydz- Śmigły"): only the same words, never other words a few
 * edits away.
 */
function findShortRuns(quotation: PreparedQuotation, sources: PreparedSource[]): TokenRun[] {
  const lower = findExactRuns(quotation.tokens, sources, "lower");
  const runs = lower.length > 0 ? lower : findExactRuns(quotation.tokens, sources, "folded");
  return runs.slice(0, MAX_CANDIDATES);
}

/** A change of letters only by diacritics names them (see `diacriticChanges`). */
function withDiacritics(difference: QuoteDifference): QuoteDifference {
  if (difference.kind !== "changed") return difference;
  const diacritics = diacriticChanges(difference.quoted, difference.source);
  return diacritics.length > 0 ? { ...difference, diacritics } : difference;
}

/**
 * The places worth comparing: the best of the edit-distance search (with an error budget of what the
 * least similarity allows) and the best word windows. If the former finds nothing within its budget,
 * it searches again without one: the closest places by edit distance, for "not-found".
 */
function findNearRuns(quotation: PreparedQuotation, sources: PreparedSource[], minSimilarity: number) {
  const windows = bestRuns(sources.flatMap((source) => findWordWindows(quotation, source)));
  const budget = 1 - minSimilarity;
  let approximate = bestRuns(sources.flatMap((source) => findApproximateRuns(quotation, source, budget)));
  if (approximate.length === 0) {
    approximate = bestRuns(sources.flatMap((source) => findApproximateRuns(quotation, source, 1)));
  }
  return [...approximate, ...windows];
}

/** The best-scored runs of one search (ties in corpus order). */
function bestRuns(runs: ScoredRun[]): ScoredRun[] {
  return [...runs].sort((a, b) => b.score - a.score).slice(0, MAX_COMPARED_PER_SEARCH);
}

/** The candidates by similarity (then corpus order), dropping any that overlap a better one. */
function bestCandidates(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.match.similarity - a.match.similarity);
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (kept.length === MAX_CANDIDATES) break;
    const { slug, start, end } = candidate.match;
    const overlaps = kept.some(
      (other) => other.match.slug === slug && other.match.start < end && start < other.match.end,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept;
}

function toMatch(run: TokenRun, similarity: number): QuoteMatch {
  const { source } = run;
  const start = source.tokens[run.first]!.start;
  const end = source.tokens[run.last]!.end;
  return {
    slug: source.slug,
    start,
    end,
    firstSentence: sentenceNumber(source, start),
    lastSentence: sentenceNumber(source, end - 1),
    text: source.original.slice(start, end),
    similarity: Math.round(similarity * 1000) / 1000,
  };
}

function sentenceNumber(source: PreparedSource, offset: number): number | null {
  return source.passages[passageIndexAt(source, offset)]?.number ?? null;
}
