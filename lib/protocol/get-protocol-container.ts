import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { loadAstralOffsets } from "@/lib/export/edition-astral-offsets";
import { EXPORT_SELECT, namesFor } from "@/lib/export/read-export-threads";
import { ANNOTATION_CONTEXT } from "@/lib/export/web-annotation";
import { requireActor } from "@/lib/groups/require-group-permission";
import { NotFoundError } from "@/lib/http/errors";
import { LDP_CONTEXT, type ContainerPreference } from "./negotiation.ts";
import { openContainer, type ContainerAddress } from "./protocol-container-access.ts";
import { containerPageIri, type ContainedPreference } from "./protocol-iris.ts";
import { toProtocolAnnotation } from "./to-protocol-annotation.ts";

/** Annotations per page of a container: a page of full descriptions stays well under a megabyte. */
export const PROTOCOL_PAGE_SIZE = 100;

/**
 * A container (a group's annotations on one source, those the caller reads, or the caller's personal
 * notes on it) as the Web Annotation
 * Protocol describes it: an ldp:BasicContainer and AnnotationCollection with its `total`, its
 * `first` page embedded (IRIs or descriptions, as preferred; only its IRI for the minimal
 * preference) and its `last` page's IRI. Oldest first; an empty container has no pages.
 */
export async function getProtocolContainer(
  actor: Actor,
  address: ContainerAddress,
  preference: ContainerPreference,
) {
  const caller = requireActor(actor);
  const { group, source, where, viewer, count } = await openContainer(caller, address);
  const total = await count();
  const pages = Math.ceil(total / PROTOCOL_PAGE_SIZE);
  const contained: ContainedPreference = preference === "minimal" ? "descriptions" : preference;
  const head = {
    "@context": [ANNOTATION_CONTEXT, LDP_CONTEXT],
    id: address.iri,
    type: ["BasicContainer", "AnnotationCollection"],
    label: `${group ? group.name : "Personal notes"}: ${source.titleEn}`,
    total,
  };
  if (total === 0) return head;
  const last = containerPageIri(address.iri, pages, contained);
  if (preference === "minimal") return { ...head, first: containerPageIri(address.iri, 1, contained), last };
  const { "@context": _context, ...first } = await readPage(where, viewer, address, 1, contained, total);
  return { ...head, first, last };
}

/**
 * Page `number` of a container as an AnnotationPage document (with `partOf`, `startIndex`, `prev`
 * and `next`); NOT_FOUND past the last page.
 */
export async function getProtocolContainerPage(
  actor: Actor,
  address: ContainerAddress,
  number: number,
  contained: ContainedPreference,
) {
  const caller = requireActor(actor);
  const { where, viewer, count } = await openContainer(caller, address);
  const total = await count();
  if (number > Math.ceil(total / PROTOCOL_PAGE_SIZE)) throw new NotFoundError("pageNotFound");
  return readPage(where, viewer, address, number, contained, total);
}

async function readPage(
  where: object,
  viewer: Parameters<typeof namesFor>[0],
  address: ContainerAddress,
  number: number,
  contained: ContainedPreference,
  total: number,
) {
  const startIndex = (number - 1) * PROTOCOL_PAGE_SIZE;
  const orderBy = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  // The page's ids first, then their descriptions: the rows skipped to reach a deep page are
  // walked for their id alone, never joined to their author, group, source and edition.
  const ids = (
    await db.annotation.findMany({
      where,
      orderBy,
      skip: startIndex,
      take: PROTOCOL_PAGE_SIZE,
      select: { id: true },
    })
  ).map((row) => row.id);
  let items: (string | ReturnType<typeof toProtocolAnnotation>)[];
  if (contained === "iris") items = ids.map((id) => address.iri + id);
  else {
    const rows = await db.annotation.findMany({
      where: { id: { in: ids } },
      orderBy,
      select: { ...EXPORT_SELECT, canonical: true, via: true },
    });
    const [names, astral] = await Promise.all([
      namesFor(viewer, rows),
      loadAstralOffsets(
        db,
        rows.map((row) => row.editionId),
      ),
    ]);
    // Each description whole, as GET of the annotation gives it (its @context too): what the W3C's
    // protocol tests take "the full annotation descriptions" to be, and a client may keep one as it is.
    items = rows.map((row) =>
      toProtocolAnnotation(row, address.iri, address.readerOrigin, true, names, astral),
    );
  }
  return {
    "@context": ANNOTATION_CONTEXT,
    id: containerPageIri(address.iri, number, contained),
    type: "AnnotationPage",
    partOf: { id: address.iri, total },
    startIndex,
    ...(number > 1 ? { prev: containerPageIri(address.iri, number - 1, contained) } : {}),
    ...(startIndex + ids.length < total
      ? { next: containerPageIri(address.iri, number + 1, contained) }
      : {}),
    items,
  };
}
