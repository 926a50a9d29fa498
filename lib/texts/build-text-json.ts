import type { SourceText } from "@/lib/sources/get-source-text";
import type { Localized } from "@/lib/sources/types";
import { resourceId } from "./resource-id.ts";

/** One sentence of the JSON: its number, UTF-16 offsets into `text` (end exclusive), and words. */
export interface TextJsonSentence {
  number: number;
  start: number;
  end: number;
  text: string;
  /** The working translation's sentence of the same number, or null without a translation. */
  translation: string | null;
}

/** An edition as JSON (see buildTextJson). */
export interface TextJson {
  id: string;
  slug: string;
  edition: { number: number; contentHash: string; createdAt: string };
  title: Localized;
  about: Localized;
  kind: string;
  language: string;
  date: string;
  place: Localized;
  issuer: Localized;
  issuerRole: "issuer" | "signatories";
  publication: Localized;
  licence: Localized;
  translation: {
    language: string;
    label: string;
    revision: number | null;
    revisedBy: Localized | null;
    revisedOn: string | null;
    /** Who translated it (a translation attached in the app); null if no one is named. */
    translator: string | null;
    /** Its own notes (a TEI translation's), each in the translation sentence it stands in. */
    notes: { number: number; sentence: number; body: string }[];
  } | null;
  text: string;
  sentences: TextJsonSentence[];
  notes: {
    number: number;
    key: string;
    firstSentence: number;
    lastSentence: number;
    start: number;
    end: number;
    body: Localized;
  }[];
}

/**
 * An edition as JSON: its edition-pinned identifier (`glossa:<slug>@<n>`), the source's metadata,
 * the whole text, one entry per sentence with its offsets and translation, the editor's notes, and
 * the translation's own.
 */
export function buildTextJson(source: SourceText): TextJson {
  const translated = new Map(source.translation?.sentences.map((s) => [s.number, s.text]));
  const t = source.translation;
  return {
    id: resourceId(source.slug, source.edition.number),
    slug: source.slug,
    edition: {
      number: source.edition.number,
      contentHash: source.edition.contentHash,
      createdAt: source.edition.createdAt,
    },
    title: source.title,
    about: source.about,
    kind: source.kind,
    language: source.language,
    date: source.date,
    place: source.place,
    issuer: source.issuer,
    issuerRole: source.issuerRole,
    publication: source.publication,
    licence: source.licence,
    translation: t && {
      language: t.language,
      label: t.label,
      revision: t.revision,
      revisedBy: t.revisedBy,
      revisedOn: t.revisedOn,
      translator: t.translator,
      notes: t.notes.map((note) => ({ ...note })),
    },
    text: source.text,
    sentences: source.passages.map((p) => ({
      number: p.number,
      start: p.start,
      end: p.end,
      text: p.text,
      translation: translated.get(p.number) ?? null,
    })),
    notes: source.notes.map((note) => ({ ...note })),
  };
}
