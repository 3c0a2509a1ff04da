-- The whitelist revision: one row, bumped in the transaction of every statement that changes what the machine API
-- exports (enrolments: approval, quotas, suspension, reinstatement, revocation, supersession, and the level-1 quota).
-- The API compares it with the revision of its cached export and answers 304 without reading the whitelist.
INSERT INTO "WhitelistRevision" ("id", "revision", "changedAt") VALUES (1, 0, now());

-- Level 1 (charter: 100 calls per second per API, all callers together), edited by administrators.
INSERT INTO "Level1QuotaSetting" ("id", "perApiPerSecond", "version", "updatedAt") VALUES (1, 100, 1, now());

-- Semicolons inside the function body are written \073, since the migration runner splits scripts at every semicolon.
CREATE FUNCTION "whitelist_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "WhitelistRevision" SET "revision" = "revision" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1\073
  RETURN NULL\073
END';

CREATE TRIGGER "Enrolment_whitelist_revision" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment"
  FOR EACH STATEMENT EXECUTE FUNCTION "whitelist_revision_bump"();
CREATE TRIGGER "Level1QuotaSetting_whitelist_revision" AFTER INSERT OR UPDATE OR DELETE ON "Level1QuotaSetting"
  FOR EACH STATEMENT EXECUTE FUNCTION "whitelist_revision_bump"();
