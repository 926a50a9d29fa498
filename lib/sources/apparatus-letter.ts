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
