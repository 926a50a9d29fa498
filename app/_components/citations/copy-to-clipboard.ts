/**
 * Puts `text` on the clipboard, with `html` beside it as rich text when given (a word processor
 * pastes the italics; a plain text field pastes the text). Browsers without ClipboardItem, or that
 * refuse rich text, get the plain text alone. Rejects if the clipboard cannot be written at all.
 */
export async function copyToClipboard(text: string, html?: string): Promise<void> {
  if (html !== undefined && typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        }),
      ]);
      return;
    } catch {
      // Rich text refused (a browser that allows only plain text): plain text below.
    }
  }
  await navigator.clipboard.writeText(text);
}
