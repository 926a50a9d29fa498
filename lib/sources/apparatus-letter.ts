const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/**
 * The letter an editor's note is marked with: 1 → a, 26 → z, 27 → aa (as spreadsheet columns).
 * Letters, not numbers, so the apparatus is never taken for the sentence numbers or annotation counts.
 */
export function apparatusLetter(number: number): string {
  let letters = "";
  for (let n = number; n > 0; n = Math.floor((n - 1) / ALPHABET.length)) {
    letters = ALPHABET[(n - 1) % ALPHABET.length] + letters;
  }
  return letters;
}

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

/**
 * The mark of a translation's own note: a lower-case Roman numeral (1 → i, 4 → iv, 12 → xii), a
 * footnote series of its own beside the editor's letters, and never taken for the sentence numbers
 * or annotation counts of the translation column.
 */
export function translationNoteNumeral(number: number): string {
  let numeral = "";
  let rest = number;
  for (const [value, letters] of ROMAN) {
    for (; rest >= value; rest -= value) numeral += letters;
  }
  return numeral;
}
