-- Search (lib/search): each searchable row keeps its text folded for matching: lower case, without
-- diacritics (unaccent: "Śmigły" → "smigly", "ł" → "l"), every run of other characters one space,
-- with a space at each end, so that ' smigl' finds a word that starts with it and ' rydz smigly '
-- the whole words in order. Matching is LIKE on these columns, which pg_trgm's GIN indexes answer.
-- lib/search/fold-text.ts folds a query the same way (an integration test compares the two).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- IMMUTABLE (unaccent() itself is only STABLE, as its dictionary could change): needed for the
-- generated columns and indexes below, and the dictionary is named, so the search_path cannot change it.
CREATE FUNCTION "search_fold"(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
'SELECT '' '' || btrim(regexp_replace(lower(public.unaccent(''public.unaccent''::regdictionary, value)), ''[^a-z0-9]+'', '' '', ''g'')) || '' ''';

-- A note's searchable text: its body, the passage it quotes and its tags.
CREATE FUNCTION "search_fold_note"(body text, quote text, tags text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
'SELECT "search_fold"(coalesce(body, '''') || '' '' || coalesce(quote, '''') || '' '' || coalesce(array_to_string(tags, '' ''), ''''))';

-- AlterTable: the passage's sentence is a slice of its edition's (immutable) text, folded once when
-- the passage is made. PostgreSQL counts characters, the app UTF-16 units: they differ only past a
-- character outside the Basic Multilingual Plane.
ALTER TABLE "Passage" ADD COLUMN     "searchText" TEXT;

UPDATE "Passage" p SET "searchText" = "search_fold"(substr(e."text", p."start" + 1, p."end" - p."start"))
FROM "Edition" e WHERE e."id" = p."editionId";

-- The function body is an escape string whose semicolons are written \073: Prisma's pg driver
-- adapter, which applies migrations here, splits a script at every semicolon, even one in quotes.
CREATE FUNCTION "fold_passage_for_search"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT "search_fold"(substr(e."text", NEW."start" + 1, NEW."end" - NEW."start")) INTO NEW."searchText"
    FROM "Edition" e WHERE e."id" = NEW."editionId"\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "passage_search_text"
BEFORE INSERT OR UPDATE OF "start", "end", "editionId" ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "fold_passage_for_search"();

-- AlterTable
ALTER TABLE "TranslationSentence" ADD COLUMN     "searchText" TEXT GENERATED ALWAYS AS ("search_fold"("text")) STORED;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchText" TEXT GENERATED ALWAYS AS ("search_fold_note"("bodyText", "quoteExact", "tags")) STORED;

-- CreateIndex
CREATE INDEX "Passage_searchText_idx" ON "Passage" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TranslationSentence_searchText_idx" ON "TranslationSentence" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Annotation_searchText_idx" ON "Annotation" USING GIN ("searchText" gin_trgm_ops);
