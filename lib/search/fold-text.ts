/**
 * Folding text for search, the same way the database folds its search columns (`search_fold` in the
 * migration `search`): lower case, letters without their diacritics ("Śmigły" → "smigly"), and every
 * run of anything but a-z and 0-9 one space. Pure: the query is folded here, and so are the words of
 * a result when its snippet is highlighted.
 */

/** Letters that lose their mark in unaccent but that Unicode does not decompose (NFD keeps "ł"). */
const UNDECOMPOSED: Record<string, string> = {
  ł: "l",
  đ: "d",
  ø: "o",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
  ð: "d",
};

const COMBINING_MARK = /\p{M}/gu;
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join("")}]`, "gu");
const NOT_SEARCHABLE = /[^a-z0-9]+/g;

/** `value` folded, words separated by single spaces, without a space at either end. */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARK, "")
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(NOT_SEARCHABLE, " ")
    .trim();
}

/** The folded words of `value`, in order ("Rydz- Śmigły" → ["rydz", "smigly"]). */
export function foldedWords(value: string): string[] {
  const folded = foldText(value);
  return folded === "" ? [] : folded.split(" ");
}
