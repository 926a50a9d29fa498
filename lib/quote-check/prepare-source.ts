import { normaliseText, type NormalisedText } from "./normalise-text.ts";
import { tokeniseText, type Token } from "./tokenise-text.ts";
import type { QuoteCheckSource } from "./types.ts";

/** A source ready to be searched: normalised, tokenised, with its tokens indexed for exact runs. */
export interface PreparedSource {
  slug: string;
  original: string;
  normalised: NormalisedText;
  tokens: Token[];
  /** The passages (sentences) by start, for sentence numbers and distances. */
  passages: { number: number; start: number; end: number }[];
  /** The tokens' exact texts, lower-cased forms and folded forms, joined for `findTokenRuns`. */
  exactRuns: TokenRuns;
  lowerRuns: TokenRuns;
  foldedRuns: TokenRuns;
}

/** Token texts joined by a separator no token contains, so a run of tokens is found with `indexOf`. */
interface TokenRuns {
  joined: string;
  /** Where each token starts in `joined`, by token index, and the other way round. */
  positions: number[];
  tokenAt: Map<number, number>;
}

/** Tokens never contain white space (the normalised text's only white space is a single space). */
const SEPARATOR = " ";

function indexRuns(texts: string[]): TokenRuns {
  const positions: number[] = [];
  const tokenAt = new Map<number, number>();
  let joined = SEPARATOR;
  texts.forEach((text, i) => {
    positions.push(joined.length);
    tokenAt.set(joined.length, i);
    joined += text + SEPARATOR;
  });
  return { joined, positions, tokenAt };
}

/** Prepares one source of the corpus. Linear in the length of its text. */
export function prepareSource(source: QuoteCheckSource): PreparedSource {
  const normalised = normaliseText(source.text);
  const tokens = tokeniseText(normalised);
  return {
    slug: source.slug,
    original: source.text,
    normalised,
    tokens,
    passages: [...source.passages].sort((a, b) => a.start - b.start),
    exactRuns: indexRuns(tokens.map((token) => token.text)),
    lowerRuns: indexRuns(tokens.map((token) => token.lower)),
    foldedRuns: indexRuns(tokens.map((token) => token.folded)),
  };
}

/** How token texts are compared: as they are, lower-cased, or lower-cased and without diacritics. */
export type TokenForm = "exact" | "lower" | "folded";

const RUNS_OF_FORM = { exact: "exactRuns", lower: "lowerRuns", folded: "foldedRuns" } as const;

/**
 * Where runs of tokens whose texts equal `texts` start (token indexes, from token `from` on, at most
 * `limit` of them); "exact" compares case-sensitively, "lower" the lower-cased texts, "folded" the
 * texts without case and diacritics. Whole tokens
 * only, so a quotation never matches half a word. `indexOf` over the joined texts: about linear in
 * the source's length.
 */
export function findTokenRuns(
  source: PreparedSource,
  texts: string[],
  form: TokenForm,
  from = 0,
  limit = Infinity,
): number[] {
  const runs = source[RUNS_OF_FORM[form]];
  const needle = SEPARATOR + texts.join(SEPARATOR) + SEPARATOR;
  const found: number[] = [];
  const fromPosition = runs.positions[from];
  if (fromPosition === undefined || texts.length === 0) return found;
  let at = runs.joined.indexOf(needle, fromPosition - 1);
  while (at !== -1 && found.length < limit) {
    found.push(runs.tokenAt.get(at + 1)!);
    at = runs.joined.indexOf(needle, at + 1);
  }
  return found;
}

/** The index (in `source.passages`) of the passage containing the original offset, or -1 if none. */
export function passageIndexAt(source: PreparedSource, offset: number): number {
  let low = 0;
  let high = source.passages.length - 1;
  let found = source.passages.length > 0 ? 0 : -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (source.passages[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
