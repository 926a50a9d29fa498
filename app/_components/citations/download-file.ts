/** How long the object URL of a download outlives the click that started it. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves `content` as a file named `name` through a Blob object URL. The temporary link is placed
 * beside `near` (the button that asked), which stays interactive while a modal dialog makes the
 * rest of the page inert.
 */
export function downloadFile(near: Element, name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  near.after(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
