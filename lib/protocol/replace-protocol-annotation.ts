import "server-only";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { publicUrl } from "@/lib/http/public-url";
import { getProtocolAnnotation } from "./get-protocol-annotation.ts";
import { ProtocolAnnotationSchema } from "./protocol-annotation-schema.ts";
import type { ContainerAddress } from "./protocol-container-access.ts";
import { annotationIdOf } from "./protocol-iris.ts";
import { etagOf, namesTag } from "./protocol-response.ts";
import { editionOfTarget, placeSelectors, readContent } from "./read-protocol-input.ts";

/**
 * The version check of a change (If-Match): required (428 without it), and it must name the
 * annotation's current ETag or `*` (412 otherwise). `required` false (DELETE) checks it only when sent.
 */
export async function checkIfMatch(
  actor: Actor,
  address: ContainerAddress,
  id: string,
  ifMatch: string | null,
  required: boolean,
): Promise<void> {
  const current = await getProtocolAnnotation(actor, address, id);
  if (ifMatch === null) {
    if (required) throw new AppError("PRECONDITION_REQUIRED", "ifMatchRequired");
    return;
  }
  if (!namesTag(ifMatch, etagOf(JSON.stringify(current))))
    throw new AppError("PRECONDITION_FAILED", "annotationChanged");
}

/**
 * Replaces an annotation of a container with the one PUT (its author only, as in the reader): its
 * kind, text and tags (a reply: its text). Glossa does not move a note: a target that does not
 * describe the place it stands (or, for a reply, its thread) is refused. The version is checked with
 * If-Match first (`checkIfMatch`).
 */
export async function replaceProtocolAnnotation(
  actor: Actor,
  address: ContainerAddress,
  id: string,
  input: unknown,
  ifMatch: string | null,
): Promise<void> {
  const caller = requireActor(actor);
  await checkIfMatch(caller, address, id, ifMatch, true);
  const annotation = parseInput(ProtocolAnnotationSchema, input);
  const row = await db.annotation.findUniqueOrThrow({
    where: { id },
    select: { parentId: true, positionStart: true, positionEnd: true, edition: { select: { text: true } } },
  });
  if (row.parentId !== null) {
    const same =
      typeof annotation.target === "string" &&
      annotationIdOf(annotation.target, address.iri) === row.parentId;
    if (!same) throw invalidField("target", "targetCannotChange");
    await updateAnnotation(caller, id, { body: readContent(annotation, true).body });
  } else {
    if (typeof annotation.target === "string") throw invalidField("target", "targetCannotChange");
    editionOfTarget(
      annotation.target.source,
      address.slug,
      new URL(publicUrl("/", address.readerOrigin)).origin,
    );
    const place = placeSelectors(row.edition.text, annotation.target.selector).position;
    if (place.start !== row.positionStart || place.end !== row.positionEnd)
      throw invalidField("target", "targetCannotChange");
    const content = readContent(annotation, false);
    await updateAnnotation(caller, id, { kind: content.kind, body: content.body, tags: content.tags });
  }
  if (annotation.canonical)
    await db.annotation.update({ where: { id }, data: { canonical: annotation.canonical } });
}
