import type { Locale } from "./types.ts";

/**
 * The name of a text's language (a BCP 47 tag such as "pl") in the interface language, as it stands
 * mid-sentence: "polski" in Polish, "Polish" in English. Falls back to the tag itself.
 */
export function formatLanguageName(languageTag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(languageTag) ?? languageTag;
  } catch {
    return languageTag;
  }
}
