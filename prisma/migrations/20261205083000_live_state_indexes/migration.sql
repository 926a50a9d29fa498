-- The states a live pass and every index request read (count and latest change of what a reading
-- tier shares, lib/annotations/index/part.ts and annotation-tags.ts), and the threads touched since a
-- kept part was read (shared-part.ts), answered from these indexes alone rather than from the rows:
-- a source's threads, and apart from them its replies, by group and time of change, with the columns
-- the reading policy looks at (lib/auth/policy.ts: groupSharedReadWhere, groupSharedReplyWhere).
-- Written by hand: Prisma's schema cannot state partial indexes with INCLUDE columns.
CREATE INDEX "Annotation_thread_state_idx" ON "Annotation" ("sourceId", "groupId", "updatedAt")
  INCLUDE ("id", "visibility", "hiddenAt") WHERE "parentId" IS NULL;
CREATE INDEX "Annotation_reply_state_idx" ON "Annotation" ("sourceId", "groupId", "updatedAt")
  INCLUDE ("parentId", "visibility", "hiddenAt", "authorId") WHERE "parentId" IS NOT NULL;
