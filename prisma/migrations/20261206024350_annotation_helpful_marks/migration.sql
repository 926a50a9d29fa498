-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "featuredAt" TIMESTAMP(3),
ADD COLUMN     "featuredById" TEXT,
ADD COLUMN     "helpfulCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AnnotationMark" (
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationMark_pkey" PRIMARY KEY ("annotationId","userId")
);

-- CreateIndex
CREATE INDEX "AnnotationMark_userId_idx" ON "AnnotationMark"("userId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_featuredById_fkey" FOREIGN KEY ("featuredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMark" ADD CONSTRAINT "AnnotationMark_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMark" ADD CONSTRAINT "AnnotationMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
