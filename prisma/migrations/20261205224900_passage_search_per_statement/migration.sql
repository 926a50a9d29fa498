-- Passages are folded for search once per INSERT statement, not once per row: the row trigger read
-- (and decompressed) the whole edition's text for every passage, seconds for a 500,000-character
-- source: substr() at a character offset scans a UTF-8 text from its start. The statement trigger
-- walks each edition's text once, in the order of the new passages (cutting off what lies before
-- each), and writes their folded sentences with one UPDATE. The row trigger stays for a passage
-- whose range or edition changes.
-- Semicolons in the function body are written \073 (see migration search).
DROP TRIGGER "passage_search_text" ON "Passage";

CREATE TRIGGER "passage_search_text"
BEFORE UPDATE OF "start", "end", "editionId" ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "fold_passage_for_search"();

CREATE FUNCTION "fold_inserted_passages_for_search"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  edition_id text\073
  rest text\073
  at integer\073
  passage record\073
  ids text[]\073
  folded text[]\073
BEGIN
  FOR edition_id IN SELECT DISTINCT "editionId" FROM inserted LOOP
    SELECT "text" INTO rest FROM "Edition" WHERE "id" = edition_id\073
    at := 0\073
    ids := ARRAY[]::text[]\073
    folded := ARRAY[]::text[]\073
    FOR passage IN
      SELECT "id", "start", "end" FROM inserted WHERE "editionId" = edition_id ORDER BY "start"
    LOOP
      IF passage."start" < at THEN
        SELECT "text" INTO rest FROM "Edition" WHERE "id" = edition_id\073
        at := 0\073
      END IF\073
      rest := substr(rest, passage."start" - at + 1)\073
      at := passage."start"\073
      ids := ids || passage."id"\073
      folded := folded || "search_fold"(substr(rest, 1, passage."end" - passage."start"))\073
    END LOOP\073
    UPDATE "Passage" p SET "searchText" = f."searchText"
      FROM unnest(ids, folded) AS f("id", "searchText") WHERE p."id" = f."id"\073
  END LOOP\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "passage_search_text_on_insert"
AFTER INSERT ON "Passage" REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION "fold_inserted_passages_for_search"();
