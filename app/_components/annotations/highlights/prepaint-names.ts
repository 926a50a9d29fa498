/**
 * The CSS Custom Highlight names the page's inline script paints under before hydration
 * (highlight-prepaint.tsx; their styles are in app/globals.css), and the layer removes.
 */
export const PREPAINT_HIGHLIGHTS = [
  "glossa-prepaint-1",
  "glossa-prepaint-2",
  "glossa-prepaint-3",
  "glossa-prepaint-question",
] as const;

/** Marks the element holding a source's text, for the script to find its sentences in. */
export const PREPAINT_ROOT_ATTRIBUTE = "data-highlight-prepaint";
