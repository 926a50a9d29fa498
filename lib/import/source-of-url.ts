import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";

/**
 * The slug of the Glossa source a URL names (an edition's URL `/sources/{slug}?edition=2`, a reader's
 * `/{locale}/sources/{slug}/{sentence}`, on any Glossa instance), or null for any other URL.
 */
export function sourceOfUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /^(?:\/(?:pl|en))?\/sources\/([^/]+)(?:\/\d+)?\/?$/u.exec(path);
  if (!match) return null;
  return SOURCE_SLUG_PATTERN.test(match[1]!) ? match[1]! : null;
}

/**
 * The edition a Glossa source URL names (`?edition=2`, as Glossa's exports pin their targets), or
 * null when it names none or not a whole number from 1.
 */
export function editionOfUrl(url: string): number | null {
  let value: string | null;
  try {
    value = new URL(url).searchParams.get("edition");
  } catch {
    return null;
  }
  if (value === null || !/^[1-9]\d{0,8}$/u.test(value)) return null;
  return Number(value);
}
