import "@citation-js/plugin-csl";
import { plugins } from "@citation-js/core";
import { POLISH_LOCALE } from "./locales/pl-pl.ts";
import type { Locale } from "@/lib/sources/types.ts";
import { apa7 } from "./styles/apa-7.ts";
import { chicagoNotesBibliography } from "./styles/chicago-notes-bibliography.ts";
import { mla9 } from "./styles/mla-9.ts";

const STYLES = {
  chicago: chicagoNotesBibliography,
  mla: mla9,
  apa: apa7,
} as const;

const LOCALES: readonly Locale[] = ["pl", "en"];

/**
 * The name under which Glossa's `style` for the interface language `locale` is registered with
 * citation-js (prefixed: the registry is global). Each style is registered once per language: see
 * `styles/edition-macro.ts`.
 */
export function styleTemplate(style: keyof typeof STYLES, locale: Locale): string {
  return `glossa-${style}-${locale}`;
}

let registered = false;

/**
 * Registers Glossa's CSL styles and the Polish locale with citation-js, once per process or page.
 * citation-js keeps one processor per style and language and never re-reads a style, so a style is
 * registered before its first use and never replaced.
 */
export function registerCitationStyles(): void {
  if (registered) return;
  const csl = plugins.config.get("@csl");
  for (const [style, template] of Object.entries(STYLES) as [
    keyof typeof STYLES,
    typeof chicagoNotesBibliography,
  ][]) {
    for (const locale of LOCALES) csl.styles.add(styleTemplate(style, locale), template(locale));
  }
  csl.locales.add("pl-PL", POLISH_LOCALE);
  registered = true;
}
