/**
 * A selection of `text` from `start` to `end` (UTF-16 offsets, as a text field reports them) without
 * the white space at either end, or null when it is out of the text, backwards, or holds nothing but
 * white space. An end inside a surrogate pair is moved past it, a start inside one before it, so a
 * selection never cuts a character in half. Pure.
 */
export function trimSelection(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > text.length || start >= end) return null;
  if (isLowSurrogate(text.charCodeAt(start))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end += 1;
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return start < end ? { start, end } : null;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
