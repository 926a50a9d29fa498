import "server-only";
import type { JSONContent } from "@tiptap/core";
import { revisionReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { loadPeerNames } from "@/lib/assignments/anonymity";
import { findReadableAnnotation, loadMemberships, placeOf } from "./access.ts";
import { renderBodyHtml } from "./body/render-body.ts";
import { toKind, toVisibility } from "./to-view.ts";
import type { RevisionView } from "./types.ts";

/**
 * The earlier versions of an annotation or reply the actor reads, newest first: of those, only the
 * versions the actor could have read when they were current (`revisionReadWhere`), so a private draft
 * does not come out when the note is shared. NOT_FOUND for one the actor may not read now. Each
 * editor is named as the thread names them (anonymous to peers: a classmate's pseudonym).
 */
export async function listRevisions(actor: Actor, id: string): Promise<{ revisions: RevisionView[] }> {
  requireActor(actor);
  const memberships = await loadMemberships(db, actor);
  const row = await findReadableAnnotation(db, actor, memberships, id);
  const revisions = await db.annotationRevision.findMany({
    where: { annotationId: row.id, ...revisionReadWhere(actor, memberships) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      visibility: true,
      tags: true,
      body: true,
      createdAt: true,
      editor: { select: { id: true, name: true } },
    },
  });
  const place = (editorId: string) => ({ ...placeOf(row), authorId: editorId });
  const names = await loadPeerNames(
    actor,
    memberships,
    revisions.map((revision) => place(revision.editor.id)),
  );
  return {
    revisions: revisions.map((revision) => ({
      id: revision.id,
      kind: toKind(revision.kind),
      visibility: toVisibility(revision.visibility),
      tags: revision.tags,
      bodyHtml: renderBodyHtml(revision.body as JSONContent | null),
      editor: names(place(revision.editor.id), revision.editor),
      replacedAt: revision.createdAt.toISOString(),
    })),
  };
}
