/**
 * An annotation or reply as the exports write it: plain values read from the database by
 * lib/export/read-export-threads.ts and handed to the pure mappers (JSON-LD, CSV, Markdown), which
 * import nothing from the database, Next or React.
 */
export interface ExportedAnnotation {
  id: string;
  /** The annotation a reply replies to; null for a thread's root. */
  parentId: string | null;
  kind: "highlight" | "comment" | "question";
  /** Who wrote it: their id (to group a printed assignment by student), name and language. */
  authorId: string;
  author: { name: string; language: string };
  group: { name: string } | null;
  createdAt: Date;
  /** When its body, kind or tags last changed after it was made; null if never. */
  editedAt: Date | null;
  /** A root deleted while it had replies: kept so its replies have something to reply to. */
  deleted: boolean;
  /** HTML rendered by the server from the validated body ("" for highlights and tombstones). */
  bodyHtml: string;
  bodyText: string;
  /** The language its text is written in (BCP 47), when it can be told (detectBodyLanguage). */
  bodyLanguage: string | undefined;
  tags: readonly string[];
  source: { slug: string; title: string };
  edition: number;
  /**
   * The quotation and its place in the edition (null for replies): the place in Unicode code points,
   * as the W3C model counts (lib/anchoring/code-points.ts), not in UTF-16 code units.
   */
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** The first and last sentence the quotation touches in its edition (null for replies). */
  sentences: { first: number; last: number } | null;
}

/** A thread as exports write it: a root and the replies the caller reads in it, oldest first. */
export interface ExportedThread {
  root: ExportedAnnotation;
  replies: ExportedAnnotation[];
}

/** A numbered sentence of an edition: text.slice(start, end). */
export interface SentenceRange {
  number: number;
  start: number;
  end: number;
}

/**
 * The first and last sentence that the range [start, end) touches, among an edition's sentences in
 * text order; null when it touches none (an empty range, or past the text). An empty range at a
 * sentence's start counts for that sentence.
 */
export function sentencesTouched(
  sentences: readonly SentenceRange[],
  start: number,
  end: number,
): { first: number; last: number } | null {
  let first: number | null = null;
  let last: number | null = null;
  for (const sentence of sentences) {
    const touches =
      end > start
        ? sentence.start < end && start < sentence.end
        : start >= sentence.start && start < sentence.end;
    if (!touches) continue;
    first ??= sentence.number;
    last = sentence.number;
  }
  return first === null || last === null ? null : { first, last };
}

/** Absolute links the exports write: each built from the configured public address, never a Host header. */
export interface ExportLinks {
  /** The annotation's own JSON-LD URL: its IRI. */
  annotation(id: string): string;
  /** The URL of a source's edition, the target's `source`. */
  edition(slug: string, number: number): string;
  /** The reader opened on a sentence (a sentence link). */
  sentence(slug: string, number: number): string;
}
