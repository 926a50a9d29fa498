import type { Locale } from "@/lib/sources/types.ts";
import { editionMacro } from "./edition-macro.ts";

/**
 * MLA Handbook, 9th edition, written for the one kind of item Glossa cites: a source text on a Glossa
 * page, built by `../format-citation.ts`. Not a general MLA style.
 *
 * - Works-cited entry: Issuer. “Title” [Translated Title: A Modern Summary]. 17 Sept. 1939. *Glossa*,
 *   2nd ed., source page URL. Accessed 5 Jan. 2025.
 * - In-text citation: (Issuer, sentence 3), or (“Short title,” sentence 3) for a text without an issuer.
 *
 * The title is in quotation marks, a part of the website, with its bracketed description after it
 * (carried by `genre`: the translation in title style, and for a summary that it is one). The date after the title is the document's: MLA's optional date of original
 * publication. *Glossa* is the container and also the publisher, so it is named once. A labelled
 * locator follows the name after a comma, as MLA's "(Chan, par. 41)" does; it arrives written out
 * ("sentences 3–4", see `../locator.ts`). The access date is always given: the page has no date of its
 * own and its text changes by edition. MLA's short month names ("Sept.", "June", "July") replace
 * en-US's ("Sep.", "Jun.", "Jul.").
 */
export const mla9 = (locale: Locale): string => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>MLA Handbook 9th edition, for Glossa sources</title>
    <id>urn:glossa:csl:mla-9</id>
    <link href="https://style.mla.org/" rel="documentation"/>
    <category citation-format="author"/>
    <category field="humanities"/>
    <summary>Works-cited entries and in-text citations for passages of Glossa's source texts.</summary>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="month-06" form="short">June</term>
      <term name="month-07" form="short">July</term>
      <term name="month-09" form="short">Sept.</term>
    </terms>
  </locale>
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
  <macro name="issuer-or-title-short">
    <names variable="author">
      <name and="text" delimiter=", "/>
      <substitute>
        <text variable="title-short" quotes="true"/>
      </substitute>
    </names>
  </macro>
  <macro name="issued">
    <date variable="issued">
      <date-part name="day" suffix=" "/>
      <date-part name="month" form="short" suffix=" "/>
      <date-part name="year"/>
    </date>
  </macro>
  ${editionMacro(locale)}
  <macro name="container">
    <group delimiter=", ">
      <text variable="container-title" font-style="italic"/>
      <text macro="edition"/>
      <text variable="URL"/>
    </group>
  </macro>
  <macro name="accessed">
    <group delimiter=" ">
      <text term="accessed" text-case="capitalize-first"/>
      <date variable="accessed">
        <date-part name="day" suffix=" "/>
        <date-part name="month" form="short" suffix=" "/>
        <date-part name="year"/>
      </date>
    </group>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <text macro="issuer-or-title-short"/>
        <text variable="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="issuer"/>
        <text macro="title"/>
        <text macro="issued"/>
        <text macro="container"/>
        <text macro="accessed"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
