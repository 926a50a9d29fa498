import type { Locale } from "@/lib/sources/types.ts";
import { editionMacro } from "./edition-macro.ts";

/**
 * APA Style, 7th edition, written for the one kind of item Glossa cites: a source text on a Glossa
 * page, built by `../format-citation.ts`. Not a general APA style; see the module comment of
 * `../format-citation.ts` for why the APA style shipped with citation-js is not used.
 *
 * - Reference: Issuer. (1939, September 17). *Title* [Translated title: a modern summary] (2nd ed.).
 *   Glossa. Retrieved January 5, 2025, from source page URL
 * - Without an issuer the title moves to the author's place and the date reads (n.d.).
 * - In-text citation: (Issuer, 1939, sentence 3), or (*Short title*, n.d., sentence 3).
 *
 * The retrieval date is always given, because Glossa's texts change from edition to edition. A CSL
 * 1.0.2 style cannot order date parts by language, so the order of "(1939, September 17)" and
 * "(1939, 17 września)" comes from this style's own "numeric" date form for each language (the only
 * date printed that way here), and English's comma in "January 5, 2025, from" from its "text" form.
 */
export const apa7 = (locale: Locale): string => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>APA Style 7th edition, for Glossa sources</title>
    <id>urn:glossa:csl:apa-7</id>
    <link href="https://apastyle.apa.org/style-grammar-guidelines/references" rel="documentation"/>
    <category citation-format="author-date"/>
    <category field="social_science"/>
    <summary>References and in-text citations for passages of Glossa's source texts.</summary>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <date form="numeric">
      <date-part name="year" suffix=", "/>
      <date-part name="month" suffix=" "/>
      <date-part name="day"/>
    </date>
    <date form="text">
      <date-part name="month" suffix=" "/>
      <date-part name="day" suffix=", "/>
      <date-part name="year" suffix=","/>
    </date>
  </locale>
  <locale xml:lang="pl">
    <date form="numeric">
      <date-part name="year" suffix=", "/>
      <date-part name="day" suffix=" "/>
      <date-part name="month"/>
    </date>
  </locale>
  ${editionMacro(locale)}
  <macro name="title">
    <group delimiter=" ">
      <text variable="title" font-style="italic"/>
      <text variable="genre" prefix="[" suffix="]"/>
      <text macro="edition" prefix="(" suffix=")"/>
    </group>
  </macro>
  <macro name="issuer">
    <names variable="author">
      <name and="symbol"/>
      <substitute>
        <text macro="title"/>
      </substitute>
    </names>
  </macro>
  <macro name="issuer-short">
    <names variable="author">
      <name and="symbol"/>
      <substitute>
        <text variable="title-short" font-style="italic"/>
      </substitute>
    </names>
  </macro>
  <macro name="date">
    <group prefix="(" suffix=")">
      <choose>
        <if variable="issued">
          <date variable="issued" form="numeric"/>
        </if>
        <else>
          <text term="no date" form="short"/>
        </else>
      </choose>
    </group>
  </macro>
  <macro name="year">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text term="no date" form="short"/>
      </else>
    </choose>
  </macro>
  <macro name="retrieved">
    <group delimiter=" ">
      <text term="retrieved" text-case="capitalize-first"/>
      <date variable="accessed" form="text"/>
      <text term="from"/>
      <text variable="URL"/>
    </group>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <text macro="issuer-short"/>
        <text macro="year"/>
        <text variable="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout>
      <group delimiter=" ">
        <group delimiter=". " suffix=".">
          <text macro="issuer"/>
          <text macro="date"/>
          <text macro="title"/>
          <text variable="container-title"/>
        </group>
        <text macro="retrieved"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
