/**
 * Headers that let another site's scripts read an answer (a browser-based DTS client, an edition
 * viewer): only for what anyone may read without signing in, and never with credentials (no
 * Access-Control-Allow-Credentials), so no session of the reader's goes along.
 */
export const OPEN_TO_OTHER_SITES = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Link",
} as const;
