/** The small pictures on the editor's toolbar buttons: decoration only, each button has a name. */

export type EditorIconName =
  "bold" | "italic" | "bulletList" | "orderedList" | "blockquote" | "link" | "unlink" | "cite";

const PATHS: Record<EditorIconName, string> = {
  bold: "M7 4h6a4 4 0 0 1 0 8H7zM7 12h7a4 4 0 0 1 0 8H7z",
  italic: "M10 4h8M6 20h8M14 4l-4 16",
  bulletList: "M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01",
  orderedList: "M10 6h10M10 12h10M10 18h10M4 4h1.5v4M4 8h3M4 14.5a1.5 1.5 0 0 1 3 .5L4 18h3",
  blockquote: "M6 10h4v6H4v-4a6 6 0 0 1 3-5M16 10h4v6h-6v-4a6 6 0 0 1 3-5",
  link: "M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1",
  unlink: "M15 7l1-1a3.5 3.5 0 0 1 5 5l-2 2M9 17l-1 1a3.5 3.5 0 0 1-5-5l2-2M4 4l16 16",
  // A page with a marked line and an arrow out of it: a passage of a source, cited.
  cite: "M13 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-6M8 8h4M8 12h3M8 16h8M15 3h6v6M21 3l-8 8",
};

export function EditorIcon({ name }: { name: EditorIconName }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
