/**
 * A long text draws its highlights and its sentences' buttons only in the sentences on or near the
 * screen: a 500,000-character source with 20,000 annotations has some 3,000 sentences and 40,000
 * highlight runs, and drawing all of them at once kept the page from answering for seconds
 * (tests/bench/annotations.ts). Below this many sentences every sentence is drawn, as before: the
 * whole text is a few screens. The layer's window (sentence-window.ts) and the page's prepaint
 * script (prepaint-script.ts) both go by it; this module has no "use client", so the server-rendered
 * script's options can read it.
 */
export const WINDOWED_FROM_SENTENCES = 400;

/**
 * How far beyond the view a sentence counts as near, in screens: one and a half above and below, so
 * the highlights are drawn before a reader scrolling at a normal pace reaches them.
 */
export const NEAR_SCREENS = 1.5;
