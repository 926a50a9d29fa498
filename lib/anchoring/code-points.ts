/**
 * Offsets in code points and in UTF-16 code units. Glossa counts in UTF-16 code units, as JavaScript
 * strings do (Passage, Annotation.positionStart); the W3C Web Annotation Data Model counts a
 * TextPositionSelector's `start` and `end` in Unicode code points ("characters"). The two differ
 * only after a character outside the Basic Multilingual Plane (two code units, one code point):
 * rare in historical texts, but an emoji or a rare CJK or mathematical character is enough.
 */

/**
 * Where the characters outside the BMP start in `text` (UTF-16 offsets, ascending): all that is
 * needed to convert offsets in it either way. Empty for most texts. A lone surrogate is one code point,
 * as for `Array.from(text)`.
 */
export function astralOffsets(text: string): number[] {
  const offsets: number[] = [];
  // Most texts have none: one scan by the regular expression engine decides.
  if (!SURROGATE_PAIR.test(text)) return offsets;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      offsets.push(i);
      i++;
    }
  }
  return offsets;
}

/** A high surrogate followed by a low one (without the `u` flag, which would read it as one character). */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** How many of the ascending `offsets` are below `limit` (binary search). */
function countBelow(offsets: readonly number[], limit: (offset: number, index: number) => boolean): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (limit(offsets[middle]!, middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A UTF-16 offset in a text (with the text's `astralOffsets`) as a code point offset. An offset
 * inside a surrogate pair counts as the pair's start (Glossa never makes one).
 */
export function toCodePointOffset(astral: readonly number[], utf16: number): number {
  const pairsBefore = countBelow(astral, (offset) => offset + 2 <= utf16);
  const inside = astral[pairsBefore] === utf16 - 1;
  return (inside ? utf16 - 1 : utf16) - pairsBefore;
}

/**
 * A code point offset in a text (with the text's `astralOffsets`) as a UTF-16 offset: each
 * character outside the BMP before it adds one code unit. Past the text's end it stays past it.
 */
export function toUtf16Offset(astral: readonly number[], codePoint: number): number {
  // The i-th astral character starts at code point astral[i] - i.
  return codePoint + countBelow(astral, (offset, index) => offset - index < codePoint);
}
