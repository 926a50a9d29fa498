import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { env } from "@/lib/env";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { STORED_PLACEMENT_SELECT } from "@/lib/annotations/stored-placement";
import { getRevisableSource } from "./get-revisable-source.ts";
import { diffEditions } from "@/lib/anchoring/diff-editions";
import { planEditorialNotes } from "./plan-editorial-notes.ts";
import { planPlacements, type PlacementCounts } from "./plan-placements.ts";
import { RevisionSchema } from "./schemas.ts";

/** As when a source is added: a large source's passages take seconds to write (create-source.ts). */
const SAVE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

export interface PublishedRevision {
  slug: string;
  /** The group whose library holds the source; null: the public library. */
  groupId: string | null;
  editionNumber: number;
  counts: PlacementCounts;
  /** Editor's notes carried into the new edition, and those left with the earlier one (their passage changed). */
  editorialNotes: { carried: number; left: number };
  /** Milliseconds spent comparing the texts and placing the annotations (before the writes). */
  reanchorMs: number;
}

/**
 * Publishes a revision of a source's text (RevisionSchema: the edition it was made from and the
 * previewed draft) as its next edition, for those who may revise it (getRevisableSource). The
 * earlier editions stay as they are, with every annotation, permalink and citation on them. Every
 * annotation on the source is placed in the new edition once, here (planPlacements: the texts are
 * compared once, unchanged stretches mapped, only edited passages searched), and each placement is
 * stored with its outcome. The editor's notes on passages the revision left as they were are
 * carried to where those passages now stand (planEditorialNotes); the others stay with the earlier
 * edition. The edition, its passages, notes and placements are written in one transaction. Refused, with nothing saved: a draft identical to the latest edition (text and
 * sentences: "revisionUnchanged"); one made from an edition that is no longer the latest
 * ("revisionStale", CONFLICT); and every bad draft the preview refuses.
 */
export async function publishRevision(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<PublishedRevision> {
  const source = await getRevisableSource(actor, slug, adminEmails);
  const { edition, draft } = parseInput(RevisionSchema, input);
  const { latest } = source;
  if (edition !== latest.number) throw new AppError("CONFLICT", "revisionStale");
  if (draft.text === latest.text && (await sameSentences(latest.id, draft.sentences))) {
    throw invalidField("text", "revisionUnchanged");
  }

  const started = performance.now();
  const notes = await db.editorialNote.findMany({
    where: { editionId: latest.id },
    select: { number: true, key: true, start: true, end: true, bodyPl: true, bodyEn: true },
  });
  const annotations = await db.annotation.findMany({
    where: { sourceId: source.id, parentId: null },
    select: {
      id: true,
      editionId: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
      placements: { where: { editionId: latest.id }, select: STORED_PLACEMENT_SELECT },
    },
  });
  const diff = diffEditions(latest.text, draft.text);
  const { placements, counts } = planPlacements(
    latest.text,
    draft.text,
    latest.id,
    annotations.map(({ placements: [placement], ...row }) => ({ ...row, placement: placement ?? null })),
    diff,
  );
  const editorialNotes = planEditorialNotes(latest.text, draft.text, diff, notes, draft.sentences);
  const reanchorMs = performance.now() - started;

  const number = await db
    .$transaction(async (tx) => {
      // Inside the transaction, so two revisions of the same edition cannot both be published: the
      // second one's number is taken (unique), or it sees that the latest edition moved on.
      const current = await tx.edition.findFirst({
        where: { sourceId: source.id },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      if (current?.number !== latest.number) throw new AppError("CONFLICT", "revisionStale");
      const created = await tx.edition.create({
        data: {
          sourceId: source.id,
          number: latest.number + 1,
          contentHash: createHash("sha256").update(draft.text, "utf8").digest("hex"),
          text: draft.text,
          publishedById: actor!.userId,
        },
        select: { id: true, number: true },
      });
      await tx.passage.createMany({
        data: draft.sentences.map((s, i) => ({
          editionId: created.id,
          number: i + 1,
          ...s,
          searchText: draft.text.slice(s.start, s.end),
        })),
      });
      await tx.editorialNote.createMany({
        data: editorialNotes.carried.map((note) => ({ ...note, editionId: created.id })),
      });
      await tx.annotationPlacement.createMany({
        data: placements.map((placement) => ({ ...placement, editionId: created.id })),
      });
      return created.number;
    }, SAVE_TRANSACTION)
    .catch((error: unknown) => {
      // Another revision of the same edition took the number first.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "revisionStale");
      throw error;
    });
  return {
    slug: source.slug,
    groupId: source.groupId,
    editionNumber: number,
    counts,
    editorialNotes: { carried: editorialNotes.carried.length, left: editorialNotes.left },
    reanchorMs,
  };
}

async function sameSentences(
  editionId: string,
  sentences: readonly { start: number; end: number }[],
): Promise<boolean> {
  const passages = await db.passage.findMany({
    where: { editionId },
    orderBy: { number: "asc" },
    select: { start: true, end: true },
  });
  return (
    passages.length === sentences.length &&
    passages.every((p, i) => p.start === sentences[i]!.start && p.end === sentences[i]!.end)
  );
}
