import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";

/** The scheme of Glossa's citation identifiers for texts (DTS resources): `glossa:<slug>@<edition>`. */
export const RESOURCE_SCHEME = "glossa:";

/**
 * An edition number as written in a URL or an identifier: a positive integer, no sign, no leading
 * zero, at most nine digits (so it fits the integer column; a longer one is malformed, not unknown).
 */
export const EDITION_NUMBER_PATTERN = /^[1-9]\d{0,8}$/u;

/** Which text an identifier names: a source, and one of its editions or (undefined) the latest. */
export interface TextAddress {
  slug: string;
  editionNumber: number | undefined;
}

/**
 * The stable, edition-pinned identifier of a source's edition (`glossa:kuty-directive@2`), or of its
 * latest edition when `editionNumber` is omitted (`glossa:kuty-directive`).
 */
export function resourceId(slug: string, editionNumber?: number): string {
  return `${RESOURCE_SCHEME}${slug}${editionNumber === undefined ? "" : `@${editionNumber}`}`;
}

/** The text an identifier names, or null when it is not one (wrong scheme, slug or edition). */
export function parseResourceId(value: string): TextAddress | null {
  if (!value.startsWith(RESOURCE_SCHEME) || value.length > 300) return null;
  const [slug = "", edition, ...rest] = value.slice(RESOURCE_SCHEME.length).split("@");
  if (rest.length > 0 || !SOURCE_SLUG_PATTERN.test(slug)) return null;
  if (edition === undefined) return { slug, editionNumber: undefined };
  return EDITION_NUMBER_PATTERN.test(edition) ? { slug, editionNumber: Number(edition) } : null;
}
