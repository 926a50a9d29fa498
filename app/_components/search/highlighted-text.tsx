import { highlightPieces, type Snippet } from "@/lib/search/highlight-snippet";

/**
 * A snippet with its matches in <mark>: the text is rendered as text (React escapes it) and the
 * marks come from the snippet's offsets, so nothing from the database is ever read as markup.
 */
export function HighlightedText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {highlightPieces(snippet).map((piece, index) =>
        piece.highlighted ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}
