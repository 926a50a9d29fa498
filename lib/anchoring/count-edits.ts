/**
 * Edit distance (Levenshtein: insertions, deletions and substitutions of UTF-16 code units) between
 * two strings, giving up at `limit`: returns `limit + 1` as soon as the distance is known to exceed
 * it. The band of width 2·limit+1 keeps long quotes cheap (O(length · limit)). Pure.
 */
export function countEdits(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const beyond = limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1).fill(beyond);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Only the band and one cell either side are read in this row and the next.
    current.fill(beyond, from - 1, Math.min(b.length, to + 1) + 1);
    current[0] = i <= limit ? i : beyond;
    let rowBest = current[0]!;
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1, beyond);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return beyond;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, beyond);
}

/**
 * How alike a found text is to the quote, from 0 to 1: 1 − edits ÷ the longer length. Below
 * `floor` the exact value does not matter, so the count gives up there and 0 is returned.
 */
export function quoteSimilarity(found: string, quote: string, floor = 0): number {
  const longer = Math.max(found.length, quote.length);
  if (longer === 0) return 1;
  const limit = Math.floor(longer * (1 - floor));
  const edits = countEdits(found, quote, limit);
  return edits > limit ? 0 : 1 - edits / longer;
}

/**
 * Edits to turn `expected` into the best-matching start of `actual` (the end of `actual` is free):
 * how well a stored suffix fits the text right after a candidate, when the text may have gained or
 * lost a few characters there.
 */
export function countEditsAtStart(expected: string, actual: string): number {
  if (expected.length === 0) return 0;
  let previous = new Array<number>(actual.length + 1);
  let current = new Array<number>(actual.length + 1);
  for (let j = 0; j <= actual.length; j++) previous[j] = j;
  for (let i = 1; i <= expected.length; i++) {
    current[0] = i;
    for (let j = 1; j <= actual.length; j++) {
      const substitution =
        previous[j - 1]! + (expected.charCodeAt(i - 1) === actual.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}
