/**
 * The event a page's window hears when the reader switched their current group without leaving it (in
 * an annotation panel): every annotation layer on the page fetches its index again, so none goes on
 * showing the group it was in.
 */
export const CURRENT_GROUP_CHANGED = "glossa:current-group-changed";

export function announceCurrentGroupChange(): void {
  window.dispatchEvent(new Event(CURRENT_GROUP_CHANGED));
}
