-- The states every reader's version is made of (what a reading tier of a group shares on a source:
-- the count and latest change of its thread roots, and a version of its replies) were aggregates over
-- the group's threads and replies, read again on every instance for every tier after every change:
-- 24 ms and 41 ms each over 20,000 threads, which saturated PostgreSQL under a class writing
-- (issue 11). Now the database keeps them in one row per tier, in the write's own transaction.
--
-- The trigger is a deferred constraint trigger: it runs at the commit, so a write holds the tier's
-- row only for that moment, and a transaction that locks an annotation after writing another in
-- the same group cannot deadlock with one editing that annotation. It locks both tiers of a group
-- in one order (members, moderators). The latest change stays exact when a thread leaves a tier: if
-- it held the latest change, the latest is read again (over Annotation_thread_state_idx), after
-- the tier's row is locked, so every write that committed before is seen.
-- CreateTable
CREATE TABLE "TierState" (
    "sourceId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "threads" INTEGER NOT NULL DEFAULT 0,
    "threadsLatest" TIMESTAMP(3),
    "repliesVersion" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TierState_pkey" PRIMARY KEY ("sourceId","groupId","tier")
);

-- CreateIndex
CREATE INDEX "TierState_groupId_idx" ON "TierState"("groupId");

-- AddForeignKey
ALTER TABLE "TierState" ADD CONSTRAINT "TierState_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierState" ADD CONSTRAINT "TierState_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Whether a reading tier reads a thread root or a reply with this visibility and hiding
-- (lib/auth/policy.ts: groupSharedReadWhere and groupSharedReplyWhere).
CREATE FUNCTION "tier_reads"(tier text, visibility "AnnotationVisibility", hidden_at timestamp(3))
RETURNS boolean LANGUAGE sql IMMUTABLE AS E'
SELECT CASE WHEN tier = ''moderators'' THEN visibility IN (''GROUP'', ''INSTRUCTORS'')
  ELSE visibility = ''GROUP'' AND hidden_at IS NULL END
';

-- Whether the tier shares the row: a root it reads, or a reply it reads in a thread it reads.
CREATE FUNCTION "tier_shares"(tier text, r "Annotation") RETURNS boolean LANGUAGE sql STABLE AS E'
SELECT r."groupId" IS NOT NULL AND "tier_reads"(tier, r."visibility", r."hiddenAt")
  AND (r."parentId" IS NULL OR EXISTS (
    SELECT 1 FROM "Annotation" p
    WHERE p."id" = r."parentId" AND p."groupId" = r."groupId" AND p."parentId" IS NULL
      AND "tier_reads"(tier, p."visibility", p."hiddenAt")))
';

-- One change of a row within one source and group (old_row or new_row absent: has_old, has_new) applied
-- to the states of both tiers there.
CREATE FUNCTION "apply_tier_state_change"(
  s text, g text, has_old boolean, old_row "Annotation", has_new boolean, new_row "Annotation"
) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  t text\073
  old_in boolean\073
  new_in boolean\073
  is_reply boolean\073
  threads_delta integer\073
  added timestamp(3)\073
  removed timestamp(3)\073
  bump boolean\073
  locked boolean := false\073
  current_latest timestamp(3)\073
  latest timestamp(3)\073
BEGIN
  is_reply := CASE WHEN has_new THEN new_row."parentId" IS NOT NULL ELSE old_row."parentId" IS NOT NULL END\073
  FOREACH t IN ARRAY ARRAY[''members'', ''moderators''] LOOP
    old_in := has_old AND "tier_shares"(t, old_row)\073
    new_in := has_new AND "tier_shares"(t, new_row)\073
    CONTINUE WHEN NOT old_in AND NOT new_in\073
    IF is_reply THEN
      threads_delta := 0\073
      added := NULL\073
      removed := NULL\073
      bump := old_in <> new_in OR old_row."updatedAt" IS DISTINCT FROM new_row."updatedAt"\073
      CONTINUE WHEN NOT bump\073
    ELSE
      CONTINUE WHEN old_in AND new_in AND old_row."updatedAt" = new_row."updatedAt"\073
      threads_delta := new_in::integer - old_in::integer\073
      added := CASE WHEN new_in THEN new_row."updatedAt" END\073
      removed := CASE WHEN old_in THEN old_row."updatedAt" END\073
      -- A thread leaving or coming back takes its replies with it (a new one has none).
      bump := has_old AND old_in <> new_in\073
    END IF\073
    IF NOT locked THEN
      IF has_new THEN
        INSERT INTO "TierState" ("sourceId", "groupId", "tier")
          SELECT s, g, k FROM unnest(ARRAY[''members'', ''moderators'']) AS k
          WHERE EXISTS (SELECT 1 FROM "Source" WHERE "id" = s) AND EXISTS (SELECT 1 FROM "Group" WHERE "id" = g)
          ON CONFLICT DO NOTHING\073
      END IF\073
      PERFORM 1 FROM "TierState" WHERE "sourceId" = s AND "groupId" = g ORDER BY "tier" FOR UPDATE\073
      locked := true\073
    END IF\073
    SELECT "threadsLatest" INTO current_latest FROM "TierState"
      WHERE "sourceId" = s AND "groupId" = g AND "tier" = t\073
    -- No row: the group or the source is being deleted with its annotations.
    CONTINUE WHEN NOT FOUND\073
    IF added IS NOT NULL AND (current_latest IS NULL OR added >= current_latest) THEN
      latest := added\073
    ELSIF removed IS NOT NULL AND removed >= current_latest THEN
      SELECT max(a."updatedAt") INTO latest FROM "Annotation" a
        WHERE a."sourceId" = s AND a."groupId" = g AND a."parentId" IS NULL
          AND "tier_reads"(t, a."visibility", a."hiddenAt")\073
    ELSE
      latest := current_latest\073
    END IF\073
    UPDATE "TierState" SET
        "threads" = "threads" + threads_delta,
        "threadsLatest" = latest,
        "repliesVersion" = "repliesVersion" + bump::integer
      WHERE "sourceId" = s AND "groupId" = g AND "tier" = t\073
  END LOOP\073
END\073
';

CREATE FUNCTION "keep_tier_state"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM "apply_tier_state_change"(NEW."sourceId", NEW."groupId", false, NULL, true, NEW)\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM "apply_tier_state_change"(OLD."sourceId", OLD."groupId", true, OLD, false, NULL)\073
  ELSIF (OLD."sourceId", OLD."groupId", OLD."parentId" IS NULL) = (NEW."sourceId", NEW."groupId", NEW."parentId" IS NULL) THEN
    PERFORM "apply_tier_state_change"(NEW."sourceId", NEW."groupId", true, OLD, true, NEW)\073
  ELSE
    -- Moved to another group, source or thread (the app never does): out of one, into the other.
    IF OLD."groupId" IS NOT NULL THEN
      PERFORM "apply_tier_state_change"(OLD."sourceId", OLD."groupId", true, OLD, false, NULL)\073
    END IF\073
    IF NEW."groupId" IS NOT NULL THEN
      PERFORM "apply_tier_state_change"(NEW."sourceId", NEW."groupId", false, NULL, true, NEW)\073
    END IF\073
  END IF\073
  RETURN NULL\073
END\073
';

-- Personal notes, and changes that move neither a state nor what a tier reads (a re-anchored
-- position, a body edit that kept the time), are passed over when the row is written (a constraint
-- trigger's WHEN is checked then, not at the commit).
CREATE CONSTRAINT TRIGGER "tier_state_on_insert" AFTER INSERT ON "Annotation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (NEW."groupId" IS NOT NULL)
EXECUTE FUNCTION "keep_tier_state"();

CREATE CONSTRAINT TRIGGER "tier_state_on_update" AFTER UPDATE ON "Annotation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN ((OLD."groupId" IS NOT NULL OR NEW."groupId" IS NOT NULL) AND
  (OLD."updatedAt", OLD."visibility", OLD."hiddenAt", OLD."groupId", OLD."sourceId", OLD."parentId")
  IS DISTINCT FROM
  (NEW."updatedAt", NEW."visibility", NEW."hiddenAt", NEW."groupId", NEW."sourceId", NEW."parentId"))
EXECUTE FUNCTION "keep_tier_state"();

CREATE CONSTRAINT TRIGGER "tier_state_on_delete" AFTER DELETE ON "Annotation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD."groupId" IS NOT NULL)
EXECUTE FUNCTION "keep_tier_state"();

-- The states of the annotations already there.
INSERT INTO "TierState" ("sourceId", "groupId", "tier", "threads", "threadsLatest")
SELECT k."sourceId", k."groupId", t."tier",
  (SELECT count(*) FROM "Annotation" a WHERE a."sourceId" = k."sourceId" AND a."groupId" = k."groupId"
     AND a."parentId" IS NULL AND "tier_reads"(t."tier", a."visibility", a."hiddenAt")),
  (SELECT max(a."updatedAt") FROM "Annotation" a WHERE a."sourceId" = k."sourceId" AND a."groupId" = k."groupId"
     AND a."parentId" IS NULL AND "tier_reads"(t."tier", a."visibility", a."hiddenAt"))
FROM (SELECT DISTINCT "sourceId", "groupId" FROM "Annotation" WHERE "groupId" IS NOT NULL) k
CROSS JOIN (VALUES ('members'), ('moderators')) AS t("tier");
