import "server-only";
import { findReadableAnnotation, loadMemberships } from "@/lib/annotations/access";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { exportLinks } from "./export-links.ts";
import { readExportedAnnotation } from "./read-export-threads.ts";
import { toWebAnnotation, type WebAnnotation } from "./web-annotation.ts";

/**
 * An annotation or reply as a Web Annotation document of its own (its IRI is this document's URL),
 * for a caller who reads it (the policy's rules, as the reader's); NOT_FOUND for anything else, an
 * anonymous caller too: whether it exists is not revealed.
 */
export async function getWebAnnotation(
  actor: Actor,
  id: string,
  options: { locale: Locale; readerOrigin: string | undefined },
): Promise<WebAnnotation> {
  const memberships = await loadMemberships(db, actor);
  const row = await findReadableAnnotation(db, actor, memberships, id);
  const annotation = await readExportedAnnotation(db, row.id, options.locale, { actor, memberships });
  return toWebAnnotation(annotation, exportLinks(options.locale, options.readerOrigin), true);
}
