-- CreateTable
CREATE TABLE "TranslationNote" (
    "id" TEXT NOT NULL,
    "translationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sentence" INTEGER NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "TranslationNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TranslationNote_translationId_number_key" ON "TranslationNote"("translationId", "number");

-- AddForeignKey
ALTER TABLE "TranslationNote" ADD CONSTRAINT "TranslationNote_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
