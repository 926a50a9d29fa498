import { z } from "zod";
import { locales, type Locale } from "./routing.ts";
import { toSafeLocalPath } from "./to-safe-local-path.ts";

const LocaleSwitchSchema = z.object({
  to: z.enum(locales),
  // An overlong `next` is unsafe like any other: it falls back to the library (catch), never refuses.
  next: z.string().max(2000).nullable().catch(null),
});

/**
 * The target of a language switch (`/locale?to=en&next=/en/sources/x`): the chosen locale and where to
 * go next. `next` must be a path on this site; when it is missing or unsafe the locale's library is
 * used instead. Null when `to` is not one of Glossa's languages.
 */
export function parseLocaleSwitch(params: URLSearchParams): { to: Locale; next: string } | null {
  const parsed = LocaleSwitchSchema.safeParse({ to: params.get("to"), next: params.get("next") });
  if (!parsed.success) return null;
  const { to, next } = parsed.data;
  return { to, next: toSafeLocalPath(next) ?? `/${to}` };
}
