-- CreateIndex
CREATE INDEX "Annotation_createdAt_id_idx" ON "Annotation"("createdAt" DESC, "id" DESC);
