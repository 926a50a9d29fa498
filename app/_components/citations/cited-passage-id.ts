/**
 * The permalink banner's element id, which the page scrolls to with the passage when both fit on the
 * screen. A module of its own: the reader imports it without the banner (and its citation block).
 */
export const CITED_PASSAGE_BANNER_ID = "cited-passage";
