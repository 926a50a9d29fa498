-- CreateEnum
CREATE TYPE "PlacementOutcome" AS ENUM ('EXACT', 'MOVED', 'FUZZY', 'REVIEW', 'ORPHAN');

-- CreateEnum
CREATE TYPE "PlacementDecision" AS ENUM ('CONFIRMED', 'REATTACHED', 'LEFT');

-- AlterTable
ALTER TABLE "Edition" ADD COLUMN     "publishedById" TEXT;

-- CreateTable
CREATE TABLE "AnnotationPlacement" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "outcome" "PlacementOutcome" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "decision" "PlacementDecision",
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,

    CONSTRAINT "AnnotationPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnotationPlacement_editionId_outcome_idx" ON "AnnotationPlacement"("editionId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationPlacement_annotationId_editionId_key" ON "AnnotationPlacement"("annotationId", "editionId");

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationPlacement" ADD CONSTRAINT "AnnotationPlacement_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationPlacement" ADD CONSTRAINT "AnnotationPlacement_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationPlacement" ADD CONSTRAINT "AnnotationPlacement_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
