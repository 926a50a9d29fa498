-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "importKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_importKey_key" ON "Annotation"("importKey");
