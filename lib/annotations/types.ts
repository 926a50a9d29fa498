/**
 * What the annotation API and the reader exchange. Plain JSON: dates are ISO strings, bodies are
 * Tiptap JSON (validated on the server) plus the HTML the server rendered from them.
 */
import type { JSONContent } from "@tiptap/core";
import type { z } from "zod";
import type { CreateAnnotationSchema, UpdateAnnotationSchema } from "./schemas.ts";

export const ANNOTATION_KINDS = ["highlight", "comment", "question"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** private: only the author; instructors: the group's instructors and TAs, and the author; group: every member. */
export const ANNOTATION_VISIBILITIES = ["private", "instructors", "group"] as const;
export type AnnotationVisibility = (typeof ANNOTATION_VISIBILITIES)[number];

/** Longest body, counted in characters of its text. */
export const MAX_BODY_CHARACTERS = 20_000;
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;
export const MAX_HIDE_REASON_LENGTH = 500;

export interface PersonView {
  id: string;
  name: string;
  /**
   * Anonymous to peers: a classmate shown as "Student 7" (lib/assignments/anonymity.ts); `id` is then
   * opaque (never their user id) and `name` the pseudonym in English, for API clients.
   */
  pseudonym?: number;
}

export interface HiddenView {
  reason: string;
  by: PersonView;
  at: string;
}

/** Where an annotation sits in the edition the reader shows (it may have been made on an older one). */
export type AnchorView =
  | {
      status: "anchored";
      start: number;
      end: number;
      /** First and last sentence (passage numbers) the range touches. */
      firstSentence: number;
      lastSentence: number;
    }
  | { status: "orphan" };

export interface Permissions {
  edit: boolean;
  delete: boolean;
  reply: boolean;
  /** Hide or unhide (instructors and teaching assistants of the group). */
  moderate: boolean;
}

export interface ReplyView {
  id: string;
  author: PersonView;
  mine: boolean;
  /** Null for a deleted reply (tombstone). */
  body: JSONContent | null;
  bodyHtml: string;
  createdAt: string;
  /** Set when the body was changed after it was first saved. */
  editedAt: string | null;
  deleted: boolean;
  hidden: HiddenView | null;
  can: Permissions;
}

export interface AnnotationView {
  id: string;
  kind: AnnotationKind;
  visibility: AnnotationVisibility;
  /** Null: a personal note of a user outside any group. */
  groupId: string | null;
  author: PersonView;
  mine: boolean;
  /** The quoted passage (its context is kept on the server for anchoring). */
  quote: { exact: string };
  anchor: AnchorView;
  /** The edition it was made on. */
  editionNumber: number;
  body: JSONContent | null;
  bodyHtml: string;
  tags: string[];
  createdAt: string;
  editedAt: string | null;
  /** Deleted but kept as a tombstone because it has replies: no quote text is hidden, the body is gone. */
  deleted: boolean;
  hidden: HiddenView | null;
  /**
   * The reader no longer reads this note, only their own replies in it (it was narrowed or hidden,
   * or they left its group): kind, author, visibility, body and tags are placeholders.
   */
  withheld: boolean;
  /** In a group the reader has left: their own work, kept for them to read, no longer to change. */
  leftGroup: boolean;
  replies: ReplyView[];
  can: Permissions;
  /** "Helpful" marks: how many, whether the reader gave one, and whether they may (give or take it). */
  helpful: HelpfulView;
  /** Highlighted by the group's staff (listed first), and whether the reader may change that. */
  featured: FeaturedView;
}

/** An annotation's "helpful" marks as one reader sees them: never who gave them. */
export interface HelpfulView {
  count: number;
  marked: boolean;
  canMark: boolean;
}

export interface FeaturedView {
  featured: boolean;
  canFeature: boolean;
}

export interface RevisionView {
  id: string;
  kind: AnnotationKind;
  visibility: AnnotationVisibility;
  tags: string[];
  bodyHtml: string;
  editor: PersonView;
  /** When this version stopped being the current one. */
  replacedAt: string;
}

/** The group whose annotations are listed (besides the caller's personal notes). */
export interface ListedGroupView {
  id: string;
  name: string;
  role: "INSTRUCTOR" | "TEACHING_ASSISTANT" | "STUDENT";
}

export interface AnnotationListView {
  source: { slug: string; editionNumber: number };
  group: ListedGroupView | null;
  /** Roots in text order; orphans last. */
  annotations: AnnotationView[];
  /** Visible, not deleted annotations (of those listed) touching each sentence: { "3": 2 }. */
  sentenceCounts: Record<string, number>;
}

/**
 * A thread as the reader's index of a source lists it: where its highlight goes and what the counts,
 * filters and the panel's order need. Its card (an AnnotationView) is fetched when the panel shows it.
 */
export interface AnnotationSummary {
  id: string;
  kind: AnnotationKind;
  authorId: string;
  mine: boolean;
  /** Empty for a tombstone. */
  tags: string[];
  anchor: AnchorView;
  deleted: boolean;
  hidden: boolean;
  /** How many "helpful" marks it has (absent: none): part of what its tier shares, like its tags. */
  helpful?: number;
  /** Highlighted by the group's staff: listed first in the panel. */
  featured?: true;
  /**
   * In the index the reader holds: from the part every member of their tier shares (set only there),
   * which the changes since (AnnotationIndexDelta) bring up to date; the rest is sent whole each time.
   */
  shared?: true;
}

/**
 * Every thread on a source the reader may see, small enough to draw thousands of highlights at once
 * (about a tenth of the full list): `GET /api/sources/{slug}/annotations/index`.
 */
export interface AnnotationIndexView {
  source: { slug: string; editionNumber: number };
  group: ListedGroupView | null;
  /**
   * Changes whenever anything the reader may see here changes (the index's ETag): cards fetched
   * under another version are fetched again when shown.
   */
  version: string;
  /** The authors of the listed annotations (names for the filters and for cards still loading). */
  people: PersonView[];
  /** In text order; orphans last. */
  annotations: AnnotationSummary[];
  /** Visible, not deleted annotations touching each sentence: { "3": 2 }. */
  sentenceCounts: Record<string, number>;
  /**
   * The state of the shared part the index holds (its threads marked `shared`): sent back
   * (`?base=`) to be given only the changes since. Absent without a group.
   */
  base?: string;
}

/**
 * What changed in a reader's index since the one holding the shared part in state `from`
 * (`?base=from`): the shared threads added or changed and the ids of those gone, and the reader's
 * own part and withheld threads whole (a few). Applied with index/apply-delta.ts, it gives exactly the
 * index of `version`; the people are those of the threads sent, the sentence counts are counted anew.
 */
export interface AnnotationIndexDelta extends Omit<AnnotationIndexView, "sentenceCounts"> {
  delta: { from: string; removed: string[] };
}

/** Most cards one request asks for (`GET /api/sources/{slug}/annotations?ids=…`). */
export const MAX_CARDS_PER_REQUEST = 100;

/** Most threads on one page of the list (`GET /api/sources/{slug}/annotations?limit=…`). */
export const MAX_PAGE_LIMIT = 200;

/**
 * One page of the list for API clients (`?limit=…[&after=…]`): the same threads, cards and replies
 * as the whole list, but in creation order (oldest first; new threads land on the last page).
 */
export interface AnnotationPageView {
  source: { slug: string; editionNumber: number };
  group: ListedGroupView | null;
  /** This page's roots in creation order (createdAt, then id), each with its visible replies. */
  annotations: AnnotationView[];
  /** As in the list, but counting only this page's threads: add the pages up for the whole source. */
  sentenceCounts: Record<string, number>;
  /** Opaque cursor for the following page (`?after=`), or null on the last page. */
  next: string | null;
}

/**
 * POST /api/annotations: what its schema takes (lib/annotations/schemas.ts), so the two cannot drift.
 * `groupId` null or absent: a personal note (visibility must be "private"); `body`: Tiptap JSON, null
 * or absent for a highlight.
 */
export type CreateAnnotationInput = z.input<typeof CreateAnnotationSchema>;

/** PATCH /api/annotations/{id} (root or reply; replies take only body), from its schema. */
export type UpdateAnnotationInput = z.input<typeof UpdateAnnotationSchema>;
