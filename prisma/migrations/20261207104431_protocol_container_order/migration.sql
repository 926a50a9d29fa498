-- DropIndex
DROP INDEX "Annotation_sourceId_groupId_idx";

-- CreateIndex
CREATE INDEX "Annotation_sourceId_groupId_createdAt_id_idx" ON "Annotation"("sourceId", "groupId", "createdAt", "id");
