import type { Locale } from "@/lib/sources/types.ts";
import { editionMacro } from "./edition-macro.ts";

/**
 * Chicago Manual of Style, 17th edition, notes and bibliography, following its rules for web pages
 * (and, for a primary text, for a dated document), written for the one kind of item Glossa cites: a
 * source text on a Glossa page, built by `../format-citation.ts`. Not a general Chicago style.
 *
 * - Full note (first citation): Issuer, “Title” [Translated title: a modern summary], date, Glossa,
 *   2nd ed., sentence 3, accessed January 5, 2025, passage URL.
 * - Short note (`position="subsequent"`): Issuer, “Short title,” sentence 3.
 * - Bibliography: Issuer. “Title” [Translated title: a modern summary]. Date. Glossa, 2nd ed.
 *   Accessed January 5, 2025. Source page URL.
 *
 * The title is in quotation marks, as a part of a website; the website's name is in roman. `genre`
 * carries the bracketed description (the title translated into the reader's language, in sentence
 * style, and for a summary that it is one), in roman. The short form is `title-short`.
 * Without an issuer the entry begins with the title (Glossa appears as the website, not as author).
 * The locator arrives formatted ("sentences 3–4", see `../locator.ts`), so it is printed as it is.
 * An access date is always given: the page has no date of its own and its text changes by edition.
 */
export const chicagoNotesBibliography = (locale: Locale): string => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago Manual of Style 17th edition (notes and bibliography), for Glossa sources</title>
    <id>urn:glossa:csl:chicago-notes-bibliography</id>
    <link href="https://www.chicagomanualofstyle.org/tools_citationguide/citation-guide-1.html" rel="documentation"/>
    <category citation-format="note"/>
    <category field="history"/>
    <summary>Full notes, short notes and bibliography entries for passages of Glossa's source texts.</summary>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <macro name="issuer">
    <names variable="author">
      <name and="text" delimiter=", "/>
    </names>
  </macro>
  <macro name="title">
    <group delimiter=" ">
      <text variable="title" quotes="true"/>
      <text variable="genre" prefix="[" suffix="]"/>
    </group>
  </macro>
  <macro name="title-short">
    <text variable="title-short" quotes="true"/>
  </macro>
  <macro name="issued">
    <date variable="issued" form="text"/>
  </macro>
  ${editionMacro(locale)}
  <macro name="accessed">
    <group delimiter=" ">
      <text term="accessed"/>
      <date variable="accessed" form="text"/>
    </group>
  </macro>
  <citation>
    <layout suffix="." delimiter="; ">
      <choose>
        <if position="subsequent">
          <group delimiter=", ">
            <text macro="issuer"/>
            <text macro="title-short"/>
            <text variable="locator"/>
          </group>
        </if>
        <else>
          <group delimiter=", ">
            <text macro="issuer"/>
            <text macro="title"/>
            <text macro="issued"/>
            <text variable="container-title"/>
            <text macro="edition"/>
            <text variable="locator"/>
            <text macro="accessed"/>
            <text variable="URL"/>
          </group>
        </else>
      </choose>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="issuer"/>
        <text macro="title"/>
        <text macro="issued"/>
        <group delimiter=", ">
          <text variable="container-title"/>
          <text macro="edition"/>
        </group>
        <group delimiter=" ">
          <text term="accessed" text-case="capitalize-first"/>
          <date variable="accessed" form="text"/>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
