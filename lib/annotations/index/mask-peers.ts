import "server-only";
import { anonymousOnSource, type Actor } from "@/lib/auth/policy";
import { loadPeerNames } from "@/lib/assignments/anonymity";
import { dbReads as db } from "@/lib/db";
import type { AnnotationSummary, PersonView } from "../types.ts";

interface Scope {
  source: { id: string };
  group: { id: string } | null;
  memberships: Parameters<typeof anonymousOnSource>[0];
}

/**
 * Anonymous to peers in the index: the threads whose authors the reader is shown under pseudonyms
 * (the policy's rule, as cards apply it: lib/assignments/anonymity.ts) carry the pseudonym's opaque
 * id instead of the author's, and `people` names the pseudonyms, never those authors. The part the
 * tier shares holds real ids; it is masked here, per reader, before anything leaves the server.
 * One query of the group's threads on the source (their places), none for a reader shown names.
 */
export async function maskPeers(
  list: Scope,
  actor: Actor,
  annotations: AnnotationSummary[],
  people: PersonView[],
): Promise<{ annotations: AnnotationSummary[]; people: PersonView[] }> {
  if (!list.group || !anonymousOnSource(list.memberships, list.group.id, list.source.id)) {
    return { annotations, people };
  }
  const rows = await db.annotation.findMany({
    where: {
      sourceId: list.source.id,
      parentId: null,
      groupId: list.group.id,
      authorId: { not: actor!.userId },
    },
    select: { id: true, authorId: true, editionId: true, positionStart: true, positionEnd: true },
  });
  const placeOf = new Map(
    rows.map((row) => [
      row.id,
      {
        groupId: list.group!.id,
        authorId: row.authorId,
        sourceId: list.source.id,
        editionId: row.editionId,
        start: row.positionStart,
        end: row.positionEnd,
      },
    ]),
  );
  const listed = annotations.flatMap((a) => placeOf.get(a.id) ?? []);
  const names = await loadPeerNames(actor, list.memberships, listed);
  const pseudonyms = new Map<string, PersonView>();
  const masked = annotations.map((a) => {
    const place = placeOf.get(a.id);
    if (!place || a.mine || place.authorId !== a.authorId) return a;
    const person = names(place, { id: a.authorId, name: "" });
    if (person.pseudonym === undefined) return a;
    pseudonyms.set(person.id, person);
    return { ...a, authorId: person.id };
  });
  const named = new Set(masked.map((a) => a.authorId));
  return {
    annotations: masked,
    people: [...people.filter((p) => named.has(p.id)), ...pseudonyms.values()],
  };
}
