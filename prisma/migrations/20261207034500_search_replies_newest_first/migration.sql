-- Search counts the replies a query matches apart from the threads (lib/search/find-notes.ts),
-- newest first, stopping at the count's cap. Over the index of all notes, a word common in thread
-- notes but absent from replies made that walk visit every note: 42 ms of a search's time over
-- 120,000 notes (`npm run bench:search`). This index holds the replies alone: 11 ms at worst.
-- Partial, so written by hand (see the comment on model Annotation in prisma/schema.prisma).
CREATE INDEX "Annotation_reply_createdAt_id_idx" ON "Annotation"("createdAt" DESC, "id" DESC)
WHERE "parentId" IS NOT NULL;
