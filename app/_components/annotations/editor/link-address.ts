/** Reading the address typed into the editor's link field. Pure. */
import { isAllowedLink } from "@/lib/annotations/body/extensions";

/**
 * The link to set for typed text: as typed when it has a scheme, with "mailto:" for a bare email
 * address and "https://" for anything else ("example.org/page"). Null when empty or not an allowed
 * link (only http, https and mailto: the server refuses the rest).
 */
export function linkAddress(typed: string): string | null {
  const text = typed.trim();
  if (text === "" || /\s/.test(text)) return null;
  // A scheme is letters before a colon not followed by a digit (not "example.org:8080").
  const candidate = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)
    ? text
    : /^[^@/]+@[^@/]+\.[^@/]+$/.test(text)
      ? `mailto:${text}`
      : `https://${text}`;
  return isAllowedLink(candidate) ? candidate : null;
}
