import type { AnnotationChange } from "@/lib/live/annotation-changes";
import type { PrismaClient } from "@/lib/db/create-prisma-client.ts";

type Reader = Pick<PrismaClient, "annotation">;

/**
 * The change to announce after `row` (an annotation or a reply) was written: its source and group,
 * and whose own part of an index it may have changed — its author's, and for a reply its thread's
 * author's (who reads the replies in their threads: asked of `client` unless given). Everyone
 * else's index changes only through what their reading tier shares (watch-annotations.ts).
 */
export async function changeOf(
  client: Reader,
  row: { sourceId: string; groupId: string | null; authorId: string; parentId: string | null },
  threadAuthorId?: string,
): Promise<AnnotationChange> {
  const threadAuthor =
    row.parentId === null
      ? null
      : (threadAuthorId ??
        (await client.annotation.findUnique({ where: { id: row.parentId }, select: { authorId: true } }))
          ?.authorId);
  const authors = [row.authorId, ...(threadAuthor ? [threadAuthor] : [])];
  return { sourceId: row.sourceId, groupId: row.groupId, authors: [...new Set(authors)] };
}
