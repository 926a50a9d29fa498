/** Values the reader shows. Plain data, safe to pass from server to client components. */
export type Locale = "pl" | "en";
export type Localized = Record<Locale, string>;
export type SourceKindName = "summary" | "primary" | "translation";

export interface SourceSummary {
  slug: string;
  title: Localized;
  /** At most four words, for short notes and in-text citations. */
  titleShort: Localized;
  /** The English title in sentence style ("The Kuty directive"), for Chicago's and APA's brackets. */
  titleEnSentenceStyle: string;
  about: Localized;
  kind: SourceKindName;
  /** BCP 47 language of the original text, e.g. "pl". */
  language: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  place: Localized;
  issuer: Localized;
  /** Whether `issuer` names who issued the document or who signed it. */
  issuerRole: "issuer" | "signatories";
  publication: Localized;
  licence: Localized;
  editionNumber: number;
  sentenceCount: number;
  characterCount: number;
  wordCount: number;
}

export interface PassageView {
  number: number;
  start: number;
  end: number;
  text: string;
}

export interface TranslationView {
  language: string;
  label: string;
  number: number;
  /** The edition of the translation, who made it and when (ISO date); null where not declared. */
  revision: number | null;
  revisedBy: Localized | null;
  revisedOn: string | null;
  /**
   * Attached in the app by the library's staff (shown with its own label and translator, and
   * removable), rather than the sources/ folder's Glossa working translation.
   */
  addedInApp: boolean;
  /** Who translated it, as the form said; null if no one is named. */
  translator: string | null;
  /** One entry per passage, same numbers. */
  sentences: { number: number; text: string }[];
  /** The translation's own notes (from a TEI text attached in the app), in the order of the text. */
  notes: TranslationNoteView[];
}

/** A note of the translation: shown beside the translation sentence it stands in, in its language. */
export interface TranslationNoteView {
  /** Its place among the translation's notes, from 1. */
  number: number;
  /** The translation sentence (and so the original's passage) it stands in. */
  sentence: number;
  body: string;
}

export interface SourceReading extends SourceSummary {
  edition: { id: string; number: number; contentHash: string; createdAt: string };
  passages: PassageView[];
  translation: TranslationView | null;
  /** The editor's notes on this edition (the apparatus), in the order of the text. */
  notes: EditorialNoteView[];
}

/** An editor's note: told to readers beside the text, never part of it; distinct from annotations. */
export interface EditorialNoteView {
  /** Its place in the apparatus, from 1 (shown as a letter: 1 → a). */
  number: number;
  key: string;
  firstSentence: number;
  lastSentence: number;
  /** The passage it is about: offsets into the edition's text, end exclusive. */
  start: number;
  end: number;
  body: Localized;
}
