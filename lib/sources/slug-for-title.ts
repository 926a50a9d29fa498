/** The longest slug made from a title, before a number is added to make it unique. */
const MAX_SLUG_BASE = 60;

/**
 * A slug made from a title: lower-case ASCII words joined by hyphens ("Nota rządu ZSRR" →
 * "nota-rzadu-zsrr"), accents and Polish letters folded, cut at a word within MAX_SLUG_BASE
 * characters; "source" when nothing of the title is left.
 */
export function slugForTitle(title: string): string {
  const words = title
    .replace(/[łŁ]/gu, "l")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_BASE) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_SLUG_BASE) || "source";
}
