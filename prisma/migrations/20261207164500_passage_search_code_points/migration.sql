-- A passage's "searchText" was folded from substr(text, start + 1, end - start). PostgreSQL counts
-- characters (code points) and the app's start and end are UTF-16 code units: in a text with a
-- character outside the Basic Multilingual Plane (an emoji, a Fraktur letter), every later sentence
-- was folded from a shifted slice and searched by the wrong words. Now the app gives the sentence's
-- own text when it makes a passage (folded here), and otherwise its offsets are turned into code
-- points first. The function bodies are escape strings whose semicolons are written \073 (Prisma's
-- pg driver adapter splits a script at every semicolon, even one in quotes).

-- The code point offset of the UTF-16 offset `units` in `value`: one less for each character
-- outside the BMP before it (found one by one: a text has none or few).
CREATE FUNCTION "utf16_to_code_points"(value text, units integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS E'
DECLARE
  pairs integer := 0\073
  at integer\073
BEGIN
  LOOP
    at := regexp_instr(value, ''[\\U00010000-\\U0010FFFF]'', 1, pairs + 1)\073
    EXIT WHEN at = 0 OR (at - 1) + pairs >= units\073
    pairs := pairs + 1\073
  END LOOP\073
  RETURN units - pairs\073
END\073
';

CREATE OR REPLACE FUNCTION "fold_passage_for_search"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  whole text\073
  first integer\073
  past integer\073
BEGIN
  IF TG_OP = ''INSERT'' AND NEW."searchText" IS NOT NULL THEN
    NEW."searchText" := "search_fold"(NEW."searchText")\073
    RETURN NEW\073
  END IF\073
  SELECT e."text" INTO whole FROM "Edition" e WHERE e."id" = NEW."editionId"\073
  first := "utf16_to_code_points"(whole, NEW."start")\073
  past := "utf16_to_code_points"(whole, NEW."end")\073
  NEW."searchText" := "search_fold"(substr(whole, first + 1, past - first))\073
  RETURN NEW\073
END\073
';

-- Fold again the passages of texts with such characters (the trigger runs on an update of "start").
UPDATE "Passage" p SET "start" = p."start" FROM "Edition" e
WHERE e."id" = p."editionId" AND e."text" ~ '[\U00010000-\U0010FFFF]';
