/**
 * The CSS Custom Highlight names the page's inline script paints under before hydration
 * (prepaint-script.ts, given these by highlight-prepaint.tsx; their styles are in app/globals.css),
 * and the layer removes.
 */

/** By depth: one thread over the text, two, three or more (the last shade is the deepest). */
export const PREPAINT_SHADES = ["glossa-prepaint-1", "glossa-prepaint-2", "glossa-prepaint-3"] as const;

/** Text a question covers (drawn over the shade). */
export const PREPAINT_QUESTION = "glossa-prepaint-question";

/** Every name the script paints under. */
export const PREPAINT_HIGHLIGHTS = [...PREPAINT_SHADES, PREPAINT_QUESTION] as const;

/** Marks the element holding a source's text, for the script to find its sentences in. */
export const PREPAINT_ROOT_ATTRIBUTE = "data-highlight-prepaint";
