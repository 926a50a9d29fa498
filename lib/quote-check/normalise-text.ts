/**
 * A text in the form the quote checker compares, with the way back to the original's offsets. Every
 * UTF-16 unit of `text` (and of `folded`, which has the same length) came from the original range
 * `starts[i]`–`ends[i]`, so a match found in the normalised text is reported against the original.
 */
export interface NormalisedText {
  /**
   * NFC; typographic quotes, apostrophes and dashes as their plain forms (" ' -); "…" as "...";
   * soft hyphens and zero-width characters dropped; white space collapsed to one space and trimmed; a
   * hyphen followed by white space inside a compound ("Rydz- Śmigły", a line-break artefact the
   * corpus keeps) closed up ("Rydz-Śmigły").
   */
  text: string;
  /** `text` lower-cased and without diacritics (ł as l), unit for unit: for finding, never for exactness. */
  folded: string;
  starts: number[];
  ends: number[];
}

/** Characters replaced by their plain forms; an empty string drops the character. */
const PLAIN_FORMS: ReadonlyMap<string, string> = new Map([
  ...[..."„”“‟«»″〝〞＂"].map((ch): [string, string] => [ch, '"']),
  ...[..."‘’‚‛′ʼ＇"].map((ch): [string, string] => [ch, "'"]),
  ...[..."‐‑‒–—―−"].map((ch): [string, string] => [ch, "-"]),
  ["…", "..."],
  ...[..."\u00ad\u200b\u200c\u200d\u2060"].map((ch): [string, string] => [ch, ""]),
]);

/** Letters whose diacritic is not a combining mark, so NFD does not strip it. */
const BASE_LETTERS: ReadonlyMap<string, string> = new Map([
  ["ł", "l"],
  ["đ", "d"],
  ["ø", "o"],
  ["ħ", "h"],
]);

const WHITE_SPACE = /\s/u;
const COMBINING_MARK = /\p{M}/u;
const LETTER = /\p{L}/u;

const foldCache = new Map<string, string>();

/** One character lower-cased and without diacritics, or lower-cased only, or as it is: never longer. */
export function foldCharacter(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let folded = ch;
  const lower = ch.toLowerCase();
  if (lower.length === ch.length) {
    folded = lower;
    const base = BASE_LETTERS.get(lower) ?? lower.normalize("NFD").replace(/\p{M}+/gu, "");
    if (base.length === ch.length) folded = base;
  }
  foldCache.set(ch, folded);
  return folded;
}

/**
 * Normalises `original` for comparison (see `NormalisedText`). Linear in the length of the text:
 * each character is looked at once, a base character together with its combining marks.
 */
export function normaliseText(original: string): NormalisedText {
  const text: string[] = [];
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (unit: string, fold: string, start: number, end: number) => {
    text.push(unit);
    folded.push(fold);
    starts.push(start);
    ends.push(end);
  };

  let i = 0;
  while (i < original.length) {
    const first = String.fromCodePoint(original.codePointAt(i)!);
    let j = i + first.length;
    if (WHITE_SPACE.test(first)) {
      while (j < original.length && WHITE_SPACE.test(original[j]!)) j++;
      const last = text[text.length - 1];
      const closesCompound =
        last === "-" && LETTER.test(text[text.length - 2] ?? "") && LETTER.test(original[j] ?? "");
      if (last !== undefined && last !== " " && !closesCompound) emit(" ", " ", i, j);
      i = j;
      continue;
    }
    while (j < original.length) {
      const next = String.fromCodePoint(original.codePointAt(j)!);
      if (!COMBINING_MARK.test(next)) break;
      j += next.length;
    }
    for (const ch of original.slice(i, j).normalize("NFC")) {
      const plain = PLAIN_FORMS.get(ch) ?? ch;
      for (const unit of plain.length === ch.length ? [plain] : [...plain]) {
        const fold = foldCharacter(unit);
        // A folded character keeps the length of the character, so each unit keeps its offsets.
        for (let u = 0; u < unit.length; u++) emit(unit[u]!, fold[u]!, i, j);
      }
    }
    i = j;
  }
  while (text[text.length - 1] === " ") {
    text.pop();
    folded.pop();
    starts.pop();
    ends.pop();
  }
  return { text: text.join(""), folded: folded.join(""), starts, ends };
}
