import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The text of a message key from outside the type-checked code (a query parameter, an Auth.js error
 * code): the key's message, or for an unknown key the general error message (errors) or null
 * (notices, so a made-up `?notice=` shows nothing).
 */
export async function messageText(
  locale: Locale,
  namespace: "errors" | "notices",
  key: string,
  values?: Record<string, string | number>,
): Promise<string | null> {
  const t = await getTranslations({ locale, namespace });
  const has = t.has as unknown as (key: string) => boolean;
  const translate = t as unknown as Translate;
  if (has(key)) return translate(key, values);
  return namespace === "errors" ? translate("generic") : null;
}

/** A search parameter's first value, or undefined. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
