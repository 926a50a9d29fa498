import { describe } from "@/lib/anchoring/describe";
import type { EditionDiff } from "@/lib/anchoring/diff-editions";
import { reanchorThroughDiff } from "@/lib/anchoring/reanchor-through-diff";
import { sentencesOf } from "@/lib/annotations/place-in-edition";
import type { EditorialNoteView } from "@/lib/sources/types";

/** An editor's note of the edition revised, as stored (EditorialNote). */
export interface EditorialNoteToCarry {
  number: number;
  key: string;
  start: number;
  end: number;
  bodyPl: string;
  bodyEn: string;
}

/** A note to write for the new edition (its edition id added by the caller), its body as stored. */
export type CarriedEditorialNote = Omit<EditorialNoteView, "body"> &
  Pick<EditorialNoteToCarry, "bodyPl" | "bodyEn">;

/**
 * The editor's notes of the edition revised (`oldText`) that go into the new one (`newText`, split
 * into `sentences`): a note whose passage the revision left as it was (exact or moved, mapped
 * through the texts' difference computed once) is carried to where that passage now stands, with
 * its sentences; a note on a passage the revision touched is not carried at all (an editor's note
 * at a guessed place would say something of words it was not written about): it stays with the
 * earlier edition, where it is still read. Carried notes keep their key and are numbered again
 * (lettered a, b, … in the new edition) in the order of their passages. Pure.
 */
export function planEditorialNotes(
  oldText: string,
  newText: string,
  diff: EditionDiff,
  notes: readonly EditorialNoteToCarry[],
  sentences: readonly { start: number; end: number }[],
): { carried: CarriedEditorialNote[]; left: number } {
  const ordered = [...notes].sort((a, b) => a.number - b.number);
  const found = reanchorThroughDiff(
    oldText,
    newText,
    ordered.map((note) => describe(oldText, { start: note.start, end: note.end })),
    diff,
  );
  const passages = sentences.map((s, i) => ({ number: i + 1, ...s }));
  const kept = ordered.flatMap((note, i) => {
    const place = found[i]!;
    if (place.status !== "anchored" || place.outcome === "fuzzy" || place.needsReview) return [];
    return [{ note, start: place.start, end: place.end }];
  });
  kept.sort((a, b) => a.start - b.start || a.note.number - b.note.number);
  return {
    carried: kept.map(({ note, start, end }, i) => ({
      number: i + 1,
      key: note.key,
      ...sentencesOf(passages, start, end),
      start,
      end,
      bodyPl: note.bodyPl,
      bodyEn: note.bodyEn,
    })),
    left: notes.length - kept.length,
  };
}
