import "server-only";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { publicUrl } from "@/lib/http/public-url";
import { ProtocolAnnotationSchema } from "./protocol-annotation-schema.ts";
import { openContainer, type ContainerAddress } from "./protocol-container-access.ts";
import { annotationIdOf } from "./protocol-iris.ts";
import { editionOfTarget, placeSelectors, readContent } from "./read-protocol-input.ts";

/**
 * Saves an annotation POSTed to a container, by the same services (and so the same rules) as the
 * reader: a note on the container's source, anchored in the edition its target names (the newest
 * when it names none) and shared with the group (in a personal container: a private note); or a reply, when its target is the IRI of an
 * annotation of this container. Everything is checked before anything is written; a client's
 * `canonical` IRI is kept, and the `id` it gave as `via`. Returns the new annotation's id.
 */
export async function createProtocolAnnotation(
  actor: Actor,
  address: ContainerAddress,
  input: unknown,
): Promise<string> {
  const caller = requireActor(actor);
  const annotation = parseInput(ProtocolAnnotationSchema, input);
  const { where } = await openContainer(caller, address);

  let id: string;
  if (typeof annotation.target === "string") {
    const parentId = annotationIdOf(annotation.target, address.iri);
    const parent = parentId
      ? await db.annotation.findFirst({
          where: { AND: [{ id: parentId, parentId: null }, where] },
          select: { id: true },
        })
      : null;
    if (!parent) throw invalidField("target", "replyTargetNotInContainer");
    const content = readContent(annotation, true);
    id = (await replyToAnnotation(caller, parent.id, { body: content.body })).id;
  } else {
    const target = annotation.target;
    const number = editionOfTarget(
      target.source,
      address.slug,
      new URL(publicUrl("/", address.readerOrigin)).origin,
    );
    const edition = await db.edition.findFirst({
      where: { source: { slug: address.slug }, ...(number === null ? {} : { number }) },
      orderBy: { number: "desc" },
      select: { number: true, text: true },
    });
    if (!edition) throw invalidField("target.source", "editionNotFound");
    const selectors = placeSelectors(edition.text, target.selector);
    const content = readContent(annotation, false);
    const created = await createAnnotation(caller, {
      source: address.slug,
      editionNumber: edition.number,
      groupId: address.groupId,
      kind: content.kind,
      visibility: address.groupId === null ? "private" : "group",
      selectors,
      body: content.body ?? undefined,
      tags: content.tags,
    });
    id = created.id;
  }
  // A client's canonical IRI kept as it came; the id it made up kept as `via` (the Protocol's SHOULD).
  if (annotation.canonical || annotation.id) {
    await db.annotation.update({
      where: { id },
      data: { canonical: annotation.canonical ?? null, via: annotation.id ?? null },
    });
  }
  return id;
}
