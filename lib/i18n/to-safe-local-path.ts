/**
 * `value` if it is a path on this site (`/…`), else null. Rejects protocol-relative (`//host`) and
 * backslash forms (`/\host`, which browsers treat like `//`), absolute URLs and control characters, so
 * a `next=` parameter can never send a visitor to another site. Characters beyond ASCII come back
 * percent-encoded (UTF-8), since the result goes into a Location header, which holds only ASCII.
 */
export function toSafeLocalPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/")) return null;
  if (value.startsWith("//") || value.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/u.test(value)) return null;
  // A lone surrogate has no UTF-8 form to encode.
  if (/\p{Surrogate}/u.test(value)) return null;
  return value.replace(/[^\u0000-\u007f]+/gu, (characters) => encodeURIComponent(characters));
}
