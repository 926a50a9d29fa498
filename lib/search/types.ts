import type { PersonView } from "@/lib/annotations/types";
import type { Snippet } from "./highlight-snippet.ts";
import type { NoteKindFilter } from "./schema.ts";

/** The source a result belongs to, with its titles in both interface languages. */
export interface SearchSource {
  slug: string;
  titlePl: string;
  titleEn: string;
}

/** A sentence of a source whose original or translation matched. */
export interface PassageResult {
  source: SearchSource;
  /** The sentence's number in the latest edition (its link: /sources/{slug}/{sentence}). */
  sentence: number;
  original: Snippet;
  /** The working translation's sentence, if the source has one. */
  translation: Snippet | null;
}

/** A note or a reply the caller may read whose body, quotation or tags matched. */
export interface NoteResult {
  id: string;
  /** The thread's root for a reply, else null. */
  threadId: string | null;
  kind: NoteKindFilter;
  source: SearchSource;
  /**
   * The sentence the note (a reply: its thread) starts in, in the source's latest edition (where its
   * link opens the reader): null when that edition does not show it (an orphan, awaiting review).
   */
  sentence: number | null;
  /** As cards show it (a classmate on an anonymous assignment: their pseudonym). */
  author: PersonView;
  group: { id: string; name: string } | null;
  body: Snippet;
  quote: Snippet;
  tags: string[];
  createdAt: string;
  /** Hidden by a moderator: shown only to its author and the group's moderators, marked. */
  hidden: boolean;
}

/** One group of results: the page asked for and how many there are in all. */
export interface ResultGroup<T> {
  /** How many match; with `atLeast`, a lower bound (notes are counted ten pages past the page asked for). */
  total: number;
  items: T[];
  atLeast?: true;
}

export interface SearchResults {
  page: number;
  limit: number;
  passages: ResultGroup<PassageResult>;
  notes: ResultGroup<NoteResult>;
}
