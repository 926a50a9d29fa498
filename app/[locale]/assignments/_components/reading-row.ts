/** One reading as the form holds it; empty sentence fields: the whole source. */
export interface ReadingRow {
  key: string;
  source: string;
  firstSentence: string;
  lastSentence: string;
}

/**
 * A new reading row. Keys only tell rows apart while the form is open; random, since rows are made
 * both on the server (the first ones) and in the browser (those added).
 */
export function readingRow(source: string, firstSentence = "", lastSentence = ""): ReadingRow {
  return { key: Math.random().toString(36).slice(2), source, firstSentence, lastSentence };
}
