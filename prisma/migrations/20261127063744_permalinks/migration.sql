-- CreateTable
CREATE TABLE "Permalink" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quoteHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Permalink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationReference" (
    "annotationId" TEXT NOT NULL,
    "permalinkId" TEXT NOT NULL,

    CONSTRAINT "AnnotationReference_pkey" PRIMARY KEY ("annotationId","permalinkId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Permalink_editionId_start_end_key" ON "Permalink"("editionId", "start", "end");

-- CreateIndex
CREATE INDEX "AnnotationReference_permalinkId_idx" ON "AnnotationReference"("permalinkId");

-- AddForeignKey
ALTER TABLE "Permalink" ADD CONSTRAINT "Permalink_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationReference" ADD CONSTRAINT "AnnotationReference_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationReference" ADD CONSTRAINT "AnnotationReference_permalinkId_fkey" FOREIGN KEY ("permalinkId") REFERENCES "Permalink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
