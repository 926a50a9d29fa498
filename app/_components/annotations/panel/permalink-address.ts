/** Reading the permalink pasted into the editor's "Cite a passage" field. Pure. */
import { PERMALINK_ID_PATTERN } from "@/lib/permalinks/permalink-id-pattern";

/**
 * The permalink id in pasted text: a full link (`https://…/en/p/AbCdEf1234`, with or without a
 * language, a scheme, a query or a `#:~:text=` fragment), a path (`/p/AbCdEf1234`) or the bare id.
 * Null for anything else. The link's host is not checked: the id is looked up on this site either way.
 */
export function permalinkIdFrom(typed: string): string | null {
  const text = typed.trim();
  if (PERMALINK_ID_PATTERN.test(text)) return text;
  let path: string;
  try {
    path = new URL(text, "https://glossa.invalid").pathname;
  } catch {
    return null;
  }
  // "…/p/{id}" at the end of the path, whatever comes before (a language, or a host typed without
  // its scheme, which the URL parser takes for a path).
  const match = /(?:^|\/)p\/([^/]+)\/?$/u.exec(path);
  const id = match?.[1];
  return id !== undefined && PERMALINK_ID_PATTERN.test(id) ? id : null;
}
