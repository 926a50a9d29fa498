/**
 * The event a page's window hears when the reader switched their current group without leaving it (in
 * an annotation panel): every annotation layer on the page fetches its index again, and the header's
 * account menu its picker, so nothing on the page goes on showing the group it was in.
 */
export const CURRENT_GROUP_CHANGED = "glossa:current-group-changed"; // also in account-menu.tsx

export function announceCurrentGroupChange(): void {
  window.dispatchEvent(new Event(CURRENT_GROUP_CHANGED));
}
