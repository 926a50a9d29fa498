/**
 * The path (without the locale) of a source's editions list, or with `compare` of the comparison of
 * two of its editions, with the folds named in `unfold` shown unfolded: the one spelling of these
 * addresses, so links and the language switch agree.
 */
export function editionsPath(
  slug: string,
  compare?: { from: number; to: number; unfold?: Iterable<number> },
): string {
  const base = `/sources/${encodeURIComponent(slug)}/editions`;
  if (!compare) return base;
  const query = new URLSearchParams({ from: String(compare.from), to: String(compare.to) });
  for (const key of compare.unfold ?? []) query.append("unfold", String(key));
  return `${base}/compare?${query}`;
}
