/**
 * Splits a text into sentences, returning their character ranges. Pure: no I/O, no DOM.
 *
 * The rules are written for Polish prose of the kind the corpus holds:
 * - a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) followed by
 *   white space and then an upper-case letter, a digit or an opening quote;
 * - a full stop after a known abbreviation that never ends a sentence (`godz.`, `tzw.`, `ok.`, `tys.`…)
 *   or after capital initials (`J. Stalin`, `J.R.R. Tolkien`) does not end it;
 * - a full stop inside a quotation does not end the sentence that quotes it: the quotation belongs to
 *   the sentence around it.
 * Ranges are UTF-16 offsets (JavaScript string indices), end exclusive, and exclude the white space
 * between sentences, so `text.slice(start, end)` is the sentence exactly as it stands.
 */
export interface SentenceRange {
  start: number;
  end: number;
}

/**
 * Abbreviations (lower-case, without the full stop) after which a full stop never ends a sentence,
 * because in Polish they are always followed by the word or number they qualify.
 */
// prettier-ignore
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "godz", "tzw", "ok", "tys", "mln", "mld", "np", "tzn", "tj", "zob", "por", "ul", "al", "pl", "nr",
  "dr", "prof", "doc", "hab", "inż", "mgr", "ks", "bp", "abp", "św", "gen", "płk", "ppłk", "mjr",
  "kpt", "ppor", "chor", "sierż", "kpr", "szer", "adm", "kmdr", "marsz", "min", "im", "wg",
  "ds", "ang", "łac", "niem", "ros", "ukr", "fr", "wł", "gr", "ca", "m.in", "m.st", "pn", "płd",
  "wsch", "zach", "woj", "pow", "gm", "art", "ust", "poz", "dz", "red", "oprac", "tłum", "wyd", "vol",
  "cf", "vs", "mr", "mrs", "st",
]);

const TERMINATORS = new Set([".", "!", "?", "…"]);
/** Characters that may close a sentence after its terminator: quotes and brackets. */
const CLOSERS = new Set(['"', "”", "“", "»", "«", "’", "'", ")", "]"]);
/** Characters that may open the next sentence before its first letter. */
const OPENERS = new Set(['"', "„", "«", "»", "“", "‘", "(", "["]);
/**
 * Each opening quotation mark and the marks that close it. Polish opens with „ and closes with ” (or
 * with “, as German does and as much Polish text typed on such keyboards does); English opens with “;
 * guillemets come both ways round: «…» (French, Polish inner quotes) and »…« (German, also Polish).
 * A straight double quote closes itself.
 */
const QUOTE_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['"', new Set(['"'])],
  ["„", new Set(["”", "“"])],
  ["“", new Set(["”"])],
  ["«", new Set(["»"])],
  ["»", new Set(["«"])],
]);

/**
 * Updates the stack of open quotations for one character: a mark that closes the innermost open
 * quotation closes it, an opening mark opens a new one, and a stray closing mark (”) is ignored.
 */
function trackQuote(openQuotes: string[], ch: string): void {
  const innermost = openQuotes[openQuotes.length - 1];
  if (innermost !== undefined && QUOTE_PAIRS.get(innermost)?.has(ch)) openQuotes.pop();
  else if (QUOTE_PAIRS.has(ch)) openQuotes.push(ch);
}

function isSentenceStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (OPENERS.has(ch)) return true;
  if (/\p{Nd}/u.test(ch)) return true;
  return ch !== ch.toLocaleLowerCase("pl") && ch === ch.toLocaleUpperCase("pl");
}

/** The word immediately before position `dot` (the terminator), without the terminator. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && !/\s/u.test(text[i - 1] ?? " ")) i--;
  return text.slice(i, dot).replace(/^[("„“«»'[]+/u, "");
}

function endsAtAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== ".") return false;
  const word = wordBefore(text, dot);
  if (NON_TERMINAL_ABBREVIATIONS.has(word.toLocaleLowerCase("pl"))) return true;
  // Capital initials ("J. Stalin", "J.R.R. Tolkien") are not the end of a sentence.
  return /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
}

export function segmentSentences(text: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  let start = skipSpace(text, 0);
  const openQuotes: string[] = [];

  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    trackQuote(openQuotes, ch);
    if (!TERMINATORS.has(ch)) continue;

    const terminator = i;
    let end = i + 1;
    while (end < text.length && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) {
      trackQuote(openQuotes, text[end]!);
      end++;
    }
    i = end - 1;
    if (openQuotes.length > 0) continue;
    const next = skipSpace(text, end);
    if (next === end && end < text.length) continue;
    if (next < text.length && !isSentenceStart(text[next])) continue;
    if (end === terminator + 1 && endsAtAbbreviation(text, terminator)) continue;
    ranges.push({ start, end });
    start = next;
    i = next - 1;
  }
  const tailEnd = trimEnd(text, text.length);
  if (start < tailEnd) ranges.push({ start, end: tailEnd });
  return ranges;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
