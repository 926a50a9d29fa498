/**
 * A Polish CSL 1.0.2 locale (pl-PL) with only the terms and date formats Glossa's three styles use.
 * citation-js ships en-US, de-DE, es-ES, fr-FR and nl-NL but no Polish, and citeproc-js does not fall
 * back to en-US for a term a non-English locale lacks: the term would silently vanish. So every term
 * the styles in `../styles/` name must be here (the tests render each style in Polish).
 *
 * Month names are in the genitive ("17 września 1939"), as Polish writes a date with its day; every
 * date Glossa cites has one. The short forms are the same words: Polish references write months out,
 * and only MLA asks for short months (an English rule: "Sept.").
 */
export const POLISH_LOCALE = `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="pl-PL">
  <info>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <style-options punctuation-in-quote="false"/>
  <date form="text">
    <date-part name="day" suffix=" "/>
    <date-part name="month" suffix=" "/>
    <date-part name="year"/>
  </date>
  <date form="numeric">
    <date-part name="day" form="numeric-leading-zeros" suffix="."/>
    <date-part name="month" form="numeric-leading-zeros" suffix="."/>
    <date-part name="year"/>
  </date>
  <terms>
    <term name="accessed">dostęp</term>
    <term name="retrieved">pobrano</term>
    <term name="from">z</term>
    <term name="no date">brak daty</term>
    <term name="no date" form="short">b.d.</term>
    <term name="and">i</term>
    <term name="et-al">i in.</term>
    <term name="edition">
      <single>wydanie</single>
      <multiple>wydania</multiple>
    </term>
    <term name="edition" form="short">wyd.</term>

    <!-- Quotation marks: „…” outside, »…« inside (Polish typography). -->
    <term name="open-quote">„</term>
    <term name="close-quote">”</term>
    <term name="open-inner-quote">»</term>
    <term name="close-inner-quote">«</term>

    <term name="month-01">stycznia</term>
    <term name="month-02">lutego</term>
    <term name="month-03">marca</term>
    <term name="month-04">kwietnia</term>
    <term name="month-05">maja</term>
    <term name="month-06">czerwca</term>
    <term name="month-07">lipca</term>
    <term name="month-08">sierpnia</term>
    <term name="month-09">września</term>
    <term name="month-10">października</term>
    <term name="month-11">listopada</term>
    <term name="month-12">grudnia</term>
    <term name="month-01" form="short">stycznia</term>
    <term name="month-02" form="short">lutego</term>
    <term name="month-03" form="short">marca</term>
    <term name="month-04" form="short">kwietnia</term>
    <term name="month-05" form="short">maja</term>
    <term name="month-06" form="short">czerwca</term>
    <term name="month-07" form="short">lipca</term>
    <term name="month-08" form="short">sierpnia</term>
    <term name="month-09" form="short">września</term>
    <term name="month-10" form="short">października</term>
    <term name="month-11" form="short">listopada</term>
    <term name="month-12" form="short">grudnia</term>
  </terms>
</locale>
`;
