-- AlterTable
ALTER TABLE "Translation" ADD COLUMN     "addedInApp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "translator" TEXT;

-- Translations attached in the app before this column: those without the edition and date that a
-- sources/ folder's source.yaml declares. The form kept their translator in revisedBy*.
UPDATE "Translation"
SET "addedInApp" = true,
    "translator" = COALESCE("revisedByEn", ''),
    "revisedByPl" = NULL,
    "revisedByEn" = NULL
WHERE "revision" IS NULL AND "revisedOn" IS NULL;
