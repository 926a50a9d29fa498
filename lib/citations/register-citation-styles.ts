import "@citation-js/plugin-csl";
import { plugins } from "@citation-js/core";
import { POLISH_LOCALE } from "./locales/pl-pl.ts";
import { APA_7 } from "./styles/apa-7.ts";
import { CHICAGO_NOTES_BIBLIOGRAPHY } from "./styles/chicago-notes-bibliography.ts";
import { MLA_9 } from "./styles/mla-9.ts";

/** Names under which Glossa's styles are registered with citation-js (prefixed: the registry is global). */
export const STYLE_TEMPLATES = {
  chicago: "glossa-chicago-notes-bibliography",
  mla: "glossa-mla-9",
  apa: "glossa-apa-7",
} as const;

let registered = false;

/**
 * Registers Glossa's CSL styles and the Polish locale with citation-js, once per process or page.
 * citation-js keeps one processor per style and language and never re-reads a style, so a style is
 * registered before its first use and never replaced.
 */
export function registerCitationStyles(): void {
  if (registered) return;
  const csl = plugins.config.get("@csl");
  csl.styles.add(STYLE_TEMPLATES.chicago, CHICAGO_NOTES_BIBLIOGRAPHY);
  csl.styles.add(STYLE_TEMPLATES.mla, MLA_9);
  csl.styles.add(STYLE_TEMPLATES.apa, APA_7);
  csl.locales.add("pl-PL", POLISH_LOCALE);
  registered = true;
}
