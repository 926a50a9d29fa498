import { exported, type ExportRow } from "@/lib/export/read-export-threads";
import { exportLinks } from "@/lib/export/export-links";
import type { PeerNames } from "@/lib/assignments/anonymity";
import type { AstralOffsetsByEdition } from "@/lib/export/edition-astral-offsets";
import { toWebAnnotation, type WebAnnotation } from "@/lib/export/web-annotation";

/**
 * A Web Annotation as a protocol container serves it: its IRI under the container, and the client's
 * canonical IRI and the id it gave (`via`).
 */
export type ProtocolWebAnnotation = WebAnnotation & { canonical?: string; via?: string };

/**
 * An annotation of a container as the Web Annotation Data Model writes it (the export's mapper),
 * with its IRI, and a reply's target, under the container; `canonical` and `via` as the client gave them; its
 * creator as `names` shows them to the caller (a classmate's pseudonym: anonymous to peers); its place
 * in code points by its edition's `astral` offsets (loadAstralOffsets).
 */
export function toProtocolAnnotation(
  row: ExportRow & { canonical: string | null; via: string | null },
  container: string,
  readerOrigin: string | undefined,
  standalone: boolean,
  names: PeerNames,
  astral: AstralOffsetsByEdition,
): ProtocolWebAnnotation {
  const links = { ...exportLinks("en", readerOrigin), annotation: (id: string) => container + id };
  const edition = { sentences: [], astral: astral.get(row.editionId) ?? [] };
  const annotation = toWebAnnotation(exported(row, "en", edition, names), links, standalone);
  return {
    ...annotation,
    ...(row.canonical ? { canonical: row.canonical } : {}),
    ...(row.via ? { via: row.via } : {}),
  };
}
