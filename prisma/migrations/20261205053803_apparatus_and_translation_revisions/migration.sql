-- AlterTable
ALTER TABLE "Translation" ADD COLUMN     "revisedByEn" TEXT,
ADD COLUMN     "revisedByPl" TEXT,
ADD COLUMN     "revisedOn" TEXT,
ADD COLUMN     "revision" INTEGER;

-- CreateTable
CREATE TABLE "EditorialNote" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "firstSentence" INTEGER NOT NULL,
    "lastSentence" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "bodyPl" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,

    CONSTRAINT "EditorialNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EditorialNote_editionId_number_key" ON "EditorialNote"("editionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "EditorialNote_editionId_key_key" ON "EditorialNote"("editionId", "key");

-- AddForeignKey
ALTER TABLE "EditorialNote" ADD CONSTRAINT "EditorialNote_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
