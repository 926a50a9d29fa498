import type { Locale } from "@/lib/sources/types.ts";

/**
 * The CSL macro "edition" of every Glossa style, in the order each language writes it: "1st ed."
 * (the locale's ordinal and short term) in English, "wyd. 1" (short term, then the number) in Polish.
 * CSL 1.0.2 cannot order a group by the output language, so each style is registered once per
 * language with its own macro (`../register-citation-styles.ts`).
 */
export function editionMacro(locale: Locale): string {
  const parts =
    locale === "en"
      ? `<number variable="edition" form="ordinal"/>
      <text term="edition" form="short"/>`
      : `<text term="edition" form="short"/>
      <number variable="edition"/>`;
  return `<macro name="edition">
    <group delimiter=" ">
      ${parts}
    </group>
  </macro>`;
}
