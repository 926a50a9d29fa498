-- CreateEnum
CREATE TYPE "IssuerRole" AS ENUM ('ISSUER', 'SIGNATORIES');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "issuerRole" "IssuerRole" NOT NULL DEFAULT 'ISSUER',
ADD COLUMN     "licencePl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publicationPl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleEnSentence" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleShortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleShortPl" TEXT NOT NULL DEFAULT '';

-- Editions are immutable: a permalink pins an edition and keeps the hash of its quote, which proves
-- something only if the edition's text can never change. Changed text becomes a new edition.
-- The function body is an escape string whose semicolons are written \073: Prisma's pg driver
-- adapter, which applies migrations here, splits a script at every semicolon, even one in quotes.
CREATE FUNCTION "refuse_edition_text_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" THEN
    RAISE EXCEPTION ''The text of edition % is immutable: import changed text as a new edition'', OLD."id"
      USING ERRCODE = ''integrity_constraint_violation''\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "edition_text_immutable"
BEFORE UPDATE OF "text", "contentHash" ON "Edition"
FOR EACH ROW EXECUTE FUNCTION "refuse_edition_text_update"();
