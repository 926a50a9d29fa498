import type { Locale } from "@/lib/sources/types";

/** The languages of Glossa's interface. Every localized page lives under `/{locale}/…`. */
export const locales = ["pl", "en"] as const satisfies readonly Locale[];

/** Seminars are Polish first: a visitor with no preference gets Polish. */
export const defaultLocale: Locale = "pl";

/** The cookie that remembers a visitor's explicit choice of language (the name next-intl uses). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** How long the language choice is remembered: one year, in seconds. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type { Locale };
