import "server-only";
import { sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/http/errors";
import { SlugSegment } from "@/lib/http/input-schemas";
import { requireLibraryPermission } from "./require-library-permission.ts";

export interface TranslatableSource {
  id: string;
  slug: string;
  groupId: string | null;
  /** The original's language (a code such as pl). */
  language: string;
  title: { pl: string; en: string };
  /** The latest edition, which a translation is attached to, with its numbered sentences' texts. */
  latest: { id: string; number: number; text: string; sentences: string[] };
}

/**
 * The source `slug` with its latest edition, if `actor` may attach a translation to it: whoever may
 * add a source to its library (requireLibraryPermission: a group's source, that group's instructors
 * and teaching assistants; a public one, site administrators). A source the actor does not read
 * (sourceReadWhere: another group's), or no such source: NOT_FOUND; anonymous: UNAUTHENTICATED; a
 * reader without the right (a student): FORBIDDEN.
 */
export async function getTranslatableSource(
  actor: Actor,
  slug: string,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<TranslatableSource> {
  const parsed = SlugSegment.safeParse(slug);
  if (!parsed.success) throw new NotFoundError("sourceNotFound");
  const source = await db.source.findFirst({
    where: { slug: parsed.data, ...sourceReadWhere(actor) },
    select: {
      id: true,
      slug: true,
      groupId: true,
      language: true,
      titlePl: true,
      titleEn: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          text: true,
          passages: { orderBy: { number: "asc" }, select: { start: true, end: true } },
        },
      },
    },
  });
  const latest = source?.editions[0];
  if (!source || !latest) throw new NotFoundError("sourceNotFound");
  await requireLibraryPermission(db, actor, source.groupId, adminEmails);
  return {
    id: source.id,
    slug: source.slug,
    groupId: source.groupId,
    language: source.language,
    title: { pl: source.titlePl, en: source.titleEn },
    latest: {
      id: latest.id,
      number: latest.number,
      text: latest.text,
      sentences: latest.passages.map((p) => latest.text.slice(p.start, p.end)),
    },
  };
}
