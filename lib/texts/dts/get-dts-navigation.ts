import "server-only";
import { getSourceText } from "@/lib/sources/get-source-text";
import { NotFoundError } from "@/lib/http/errors";
import { parseResourceId, resourceId } from "../resource-id.ts";
import { citableUnit, selectSentences } from "./citable-units.ts";
import type { NavigationQuery } from "./dts-query.ts";
import { CITATION_TREES, DTS_CONTEXT, DTS_VERSION, resourceTemplates } from "./dts-vocabulary.ts";

/**
 * DTS Navigation endpoint: the citation tree of a resource (one level, its sentences), answered as
 * DTS 1.0's table "Usage of down, ref, start and end" says: `down` lists every sentence (or, with
 * `start`/`end`, those of the range; with `ref`, only it, having no children); `down=0` with `ref`
 * its siblings, every sentence; without `down`, only the `ref` or `start` and `end` units. `requestUrl`
 * is the absolute address asked (the answer's `@id`). NOT_FOUND for an unknown resource, tree, or a
 * sentence the edition lacks.
 */
export async function getDtsNavigation(query: NavigationQuery, requestUrl: string) {
  const address = parseResourceId(query.resource);
  if (!address) throw new NotFoundError("dtsResourceNotFound");
  const source = await getSourceText(address.slug, address.editionNumber);
  if (query.tree !== undefined) throw new NotFoundError("dtsTreeNotFound");
  const count = source.passages.length;
  const range = selectSentences(query, count);
  const id = resourceId(source.slug, source.edition.number);
  const numbers = (first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let member: number[] | undefined;
  if (query.down === 0 || (query.down !== undefined && !range)) member = numbers(1, count);
  else if (query.down !== undefined && range) member = numbers(range.first, range.last);
  return {
    "@context": DTS_CONTEXT,
    dtsVersion: DTS_VERSION,
    "@type": "Navigation",
    "@id": requestUrl,
    resource: {
      "@id": id,
      "@type": "Resource",
      ...resourceTemplates(id),
      citationTrees: CITATION_TREES,
    },
    ...(query.ref !== undefined && { ref: citableUnit(query.ref) }),
    ...(query.start !== undefined && { start: citableUnit(query.start) }),
    ...(query.end !== undefined && { end: citableUnit(query.end) }),
    ...(member && { member: member.map(citableUnit) }),
  };
}
