/**
 * The text of an HTML body from a protocol client (pure): Glossa never stores a client's HTML, so a
 * `text/html` TextualBody is read as its text, a paragraph per block (p, div, li, headings, br), its
 * tags dropped and its character references decoded; the text then goes through the same body
 * pipeline as a typed note (lib/annotations/prepare-body.ts), which renders its own safe HTML.
 */
const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|pre|tr)\s*>|<br\s*\/?>/giu;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, "")
    .replace(BLOCK_END, "\n")
    .replace(/<[^>]*>/gu, "")
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/giu, (whole, ref: string) => {
      if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const isSurrogate = code >= 0xd800 && code <= 0xdfff;
      return code > 0 && code <= 0x10ffff && !isSurrogate ? String.fromCodePoint(code) : "";
    });
  return text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}
