/**
 * `value` if it is a path on this site (`/…`), else null. Rejects protocol-relative (`//host`) and
 * backslash forms (`/\host`, which browsers treat like `//`), absolute URLs and control characters, so
 * a `next=` parameter can never send a visitor to another site.
 */
export function toSafeLocalPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/")) return null;
  if (value.startsWith("//") || value.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/u.test(value)) return null;
  return value;
}
