import "server-only";
import { db } from "@/lib/db";
import { loadMemberships, placeOf, PLACE_SELECT } from "@/lib/annotations/access";
import { loadPeerNames, REAL_NAMES } from "@/lib/assignments/anonymity";
import type { PersonView } from "@/lib/annotations/types";

/** How a notification names who did it: their name, or a classmate's pseudonym. */
export type ActorName = Pick<PersonView, "name" | "pseudonym">;

/**
 * Who did what each of `rows` tells `recipientId` about, as the recipient is shown them where they
 * read it: a reply or mention by a classmate on an anonymous assignment's reading names the
 * classmate's pseudonym (lib/assignments/anonymity.ts), never their name. `names` gives the names
 * of the actors. Queries only for a recipient shown pseudonyms somewhere.
 */
export async function loadActorNames(
  recipientId: string,
  rows: readonly { actorId: string | null; annotationId: string | null }[],
  names: ReadonlyMap<string, string>,
): Promise<(row: { actorId: string | null; annotationId: string | null }) => ActorName> {
  const actor = { userId: recipientId };
  const memberships = await loadMemberships(db, actor);
  const annotationIds = [
    ...new Set(rows.flatMap((row) => (row.annotationId && row.actorId ? [row.annotationId] : []))),
  ];
  const anonymous = memberships.some((m) => m.anonymous) && annotationIds.length > 0;
  const places = anonymous
    ? await db.annotation.findMany({
        where: { id: { in: annotationIds } },
        select: { id: true, ...PLACE_SELECT },
      })
    : [];
  const placeById = new Map(places.map((row) => [row.id, placeOf(row)]));
  const peerNames = anonymous ? await loadPeerNames(actor, memberships, [...placeById.values()]) : REAL_NAMES;
  return (row) => {
    const name = names.get(row.actorId ?? "") ?? "";
    const place = row.annotationId ? placeById.get(row.annotationId) : undefined;
    if (!place || !row.actorId) return { name };
    const { name: shown, pseudonym } = peerNames(place, { id: row.actorId, name });
    return pseudonym === undefined ? { name: shown } : { name: shown, pseudonym };
  };
}
