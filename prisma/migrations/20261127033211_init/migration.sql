-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('SUMMARY', 'PRIMARY', 'TRANSLATION');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titlePl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "aboutPl" TEXT NOT NULL,
    "aboutEn" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "language" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "placePl" TEXT NOT NULL,
    "placeEn" TEXT NOT NULL,
    "issuerPl" TEXT NOT NULL,
    "issuerEn" TEXT NOT NULL,
    "publication" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edition" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Translation" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Translation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TranslationSentence" (
    "id" TEXT NOT NULL,
    "translationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "TranslationSentence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "Edition_sourceId_contentHash_idx" ON "Edition"("sourceId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_sourceId_number_key" ON "Edition"("sourceId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Passage_editionId_number_key" ON "Passage"("editionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_editionId_language_number_key" ON "Translation"("editionId", "language", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TranslationSentence_translationId_number_key" ON "TranslationSentence"("translationId", "number");

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslationSentence" ADD CONSTRAINT "TranslationSentence_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
