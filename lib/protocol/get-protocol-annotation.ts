import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { loadAstralOffsets } from "@/lib/export/edition-astral-offsets";
import { EXPORT_SELECT, namesFor } from "@/lib/export/read-export-threads";
import { requireActor } from "@/lib/groups/require-group-permission";
import { NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { openContainer, type ContainerAddress } from "./protocol-container-access.ts";
import { toProtocolAnnotation, type ProtocolWebAnnotation } from "./to-protocol-annotation.ts";

/**
 * One annotation of a container as a Web Annotation document, for a caller who reads it there;
 * NOT_FOUND for one that is not in this container or that the caller may not read.
 */
export async function getProtocolAnnotation(
  actor: Actor,
  address: ContainerAddress,
  id: string,
): Promise<ProtocolWebAnnotation> {
  const caller = requireActor(actor);
  const annotationId = parseId(id, "annotationNotFound");
  const { where, viewer } = await openContainer(caller, address);
  const row = await db.annotation.findFirst({
    where: { AND: [{ id: annotationId }, where] },
    select: { ...EXPORT_SELECT, canonical: true, via: true },
  });
  if (!row) throw new NotFoundError("annotationNotFound");
  const [names, astral] = await Promise.all([
    namesFor(viewer, [row]),
    loadAstralOffsets(db, [row.editionId]),
  ]);
  return toProtocolAnnotation(row, address.iri, address.readerOrigin, true, names, astral);
}
