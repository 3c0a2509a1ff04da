-- The one event log (ADR 0011). Function bodies are dollar-quoted here, turned into prisma/migrations/20261201220000_event_log
-- by prisma/migration-sources/build.py: the migration runner splits scripts at every semicolon, so each body is
-- written there as an E'' string with \073 for its semicolons. Edit this file, then run the script.

-- 1. The tables (as Prisma generates them from schema.prisma).
CREATE TYPE "EventActorType" AS ENUM ('USER', 'API_TOKEN', 'SYSTEM', 'ANONYMOUS');

CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "sequence" BIGINT,
    "name" TEXT NOT NULL,
    "actorType" "EventActorType" NOT NULL,
    "actorId" UUID,
    "actorJob" TEXT,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "organizationId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "previousHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EventPersonalData" (
    "eventId" UUID NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "EventPersonalData_pkey" PRIMARY KEY ("eventId")
);

CREATE TABLE "EventChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sequence" BIGINT NOT NULL DEFAULT 0,
    "hash" TEXT,

    CONSTRAINT "EventChainHead_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EventLegacySource" (
    "sourceTable" TEXT NOT NULL,
    "sourceId" UUID NOT NULL,
    "eventId" UUID NOT NULL,

    CONSTRAINT "EventLegacySource_pkey" PRIMARY KEY ("sourceTable","sourceId")
);

CREATE UNIQUE INDEX "Event_sequence_key" ON "Event"("sequence");
CREATE INDEX "Event_occurredAt_id_idx" ON "Event"("occurredAt", "id");
CREATE INDEX "Event_organizationId_occurredAt_idx" ON "Event"("organizationId", "occurredAt");
CREATE INDEX "Event_actorId_occurredAt_idx" ON "Event"("actorId", "occurredAt");
CREATE INDEX "Event_name_occurredAt_idx" ON "Event"("name", "occurredAt");
CREATE INDEX "Event_subjectType_subjectId_occurredAt_idx" ON "Event"("subjectType", "subjectId", "occurredAt");
CREATE INDEX "EventLegacySource_eventId_idx" ON "EventLegacySource"("eventId");

ALTER TABLE "EventPersonalData" ADD CONSTRAINT "EventPersonalData_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "EventChainHead" ("id", "sequence", "hash") VALUES (1, 0, NULL);

-- 2. The chain: RFC 8785 canonical JSON, the hash of one event, and the link of one event to the chain's end.
-- Object keys are sorted by code point (COLLATE "C" on UTF-8), which is RFC 8785's UTF-16 order for every key
-- outside U+E000..U+FFFF and the supplementary planes (the catalogue's keys are ASCII). Strings are escaped by
-- jsonb's output exactly as ECMAScript's JSON.stringify does. Numbers are written as jsonb stores them, which is
-- ECMAScript's form for the integers the catalogue allows.
CREATE FUNCTION "event_canonical_json"(value jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS E'
DECLARE
  result text\073
BEGIN
  CASE jsonb_typeof(value)
    WHEN \'object\' THEN
      SELECT \'{\' || COALESCE(string_agg(to_json(key)::text || \':\' || "event_canonical_json"(item), \',\' ORDER BY key COLLATE "C"), \'\') || \'}\'
        INTO result FROM jsonb_each(value) AS entry(key, item)\073
    WHEN \'array\' THEN
      SELECT \'[\' || COALESCE(string_agg("event_canonical_json"(item), \',\' ORDER BY position), \'\') || \']\'
        INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS element(item, position)\073
    ELSE
      result := value::text\073
  END CASE\073
  RETURN result\073
END
';

CREATE FUNCTION "event_hash"(seq bigint, previous text, e "Event") RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT encode(sha256(convert_to("event_canonical_json"(jsonb_build_object(
    \'sequence\', seq,
    \'previousHash\', previous,
    \'name\', e."name",
    \'actor\', jsonb_build_object(\'type\', e."actorType"::text, \'id\', e."actorId", \'job\', e."actorJob"),
    \'subject\', jsonb_build_object(\'type\', e."subjectType", \'id\', e."subjectId"),
    \'organizationId\', e."organizationId",
    \'time\', floor(extract(epoch FROM e."occurredAt") * 1000)::bigint,
    \'payload\', e."payload"
  )), \'UTF8\')), \'hex\')
';

-- Locks the chain's end (one row) until the transaction ends, appends the event, and moves the end.
CREATE FUNCTION "event_chain_link"(event_id uuid) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  e "Event"\073
  head record\073
  linked text\073
BEGIN
  SELECT * INTO e FROM "Event" WHERE "id" = event_id\073
  IF e."hash" IS NOT NULL THEN
    RETURN\073
  END IF\073
  UPDATE "EventChainHead" SET "sequence" = "sequence" + 1 WHERE "id" = 1 RETURNING "sequence", "hash" INTO head\073
  linked := "event_hash"(head."sequence", head."hash", e)\073
  UPDATE "EventChainHead" SET "hash" = linked WHERE "id" = 1\073
  UPDATE "Event" SET "sequence" = head."sequence", "previousHash" = head."hash", "hash" = linked WHERE "id" = event_id\073
END
';

-- 3. The old rows become events: one event per act. An act wrote one AuditEvent and, for dossiers and enrolments,
-- one ApplicationEvent and one EnrolmentEvent in the same transaction. Rows of one act have the same kind, the same
-- subject and the same transaction (xmin): within each (kind, subject), the rows of each table are ranked by
-- transaction, then time, and equal ranks are one act. A row without a partner becomes an event of its own.
CREATE TEMP TABLE "legacy_audit" AS
  SELECT a."id", a."type" AS "name", a."subjectType", a."subjectId", a."occurredAt", a."actorId", a."organizationId",
         a."ip", a."userAgent", a."data",
         row_number() OVER (PARTITION BY a."type", a."subjectType", a."subjectId" ORDER BY a.xmin::text::bigint, a."occurredAt", a."id") AS "rank"
  FROM "AuditEvent" a;

CREATE TEMP TABLE "legacy_timeline" AS
  SELECT t.*, row_number() OVER (PARTITION BY t."name", t."subjectType", t."subjectId" ORDER BY t."xid", t."occurredAt", t."id") AS "rank"
  FROM (
    SELECT e."id", e."type", e."occurredAt", e."actorId", e."message", e."entityType", e."entityId", e."data",
           app."organizationId", e.xmin::text::bigint AS "xid",
           CASE e."type"
             WHEN 'created' THEN 'application.created'
             WHEN 'amendment_opened' THEN 'application.amendment_opened'
             WHEN 'submitted' THEN 'application.submitted'
             WHEN 'withdrawn' THEN 'application.withdrawn'
             WHEN 'changes_requested' THEN 'application.changes_requested'
             WHEN 'approved' THEN 'application.approved'
             WHEN 'refused' THEN 'application.refused'
             WHEN 'message_posted' THEN 'application.message_posted'
             WHEN 'enrolment_suspended' THEN 'enrolment.suspended'
             WHEN 'enrolment_reinstated' THEN 'enrolment.reinstated'
             WHEN 'enrolment_revoked' THEN 'enrolment.revoked'
             WHEN 'enrolment_superseded' THEN 'enrolment.superseded'
             ELSE 'application.' || e."type"
           END AS "name",
           CASE WHEN left(e."type", 10) = 'enrolment_' THEN 'Enrolment' ELSE 'Application' END AS "subjectType",
           CASE WHEN left(e."type", 10) = 'enrolment_' THEN e."entityId"::text ELSE e."applicationId"::text END AS "subjectId"
    FROM "ApplicationEvent" e JOIN "Application" app ON app."id" = e."applicationId"
  ) t;

CREATE TEMP TABLE "legacy_enrolment" AS
  SELECT n.*, row_number() OVER (PARTITION BY n."name", n."subjectType", n."subjectId" ORDER BY n."xid", n."occurredAt", n."id") AS "rank"
  FROM (
    SELECT v."id", v."type", v."occurredAt", v."actorId", v."reason", v."data", en."organizationId", v.xmin::text::bigint AS "xid",
           CASE WHEN v."type" IN ('approved', 'amended') THEN 'application.approved' ELSE 'enrolment.' || v."type" END AS "name",
           CASE WHEN v."type" IN ('approved', 'amended') THEN 'Application' ELSE 'Enrolment' END AS "subjectType",
           CASE WHEN v."type" IN ('approved', 'amended') THEN en."applicationId"::text ELSE v."enrolmentId"::text END AS "subjectId"
    FROM "EnrolmentEvent" v JOIN "Enrolment" en ON en."id" = v."enrolmentId"
  ) n;

CREATE TEMP TABLE "legacy_act" AS
  SELECT COALESCE(a."id", t."id", n."id") AS "eventId",
         a."id" AS "auditId", t."id" AS "timelineId", n."id" AS "enrolmentEventId",
         COALESCE(a."name", t."name", n."name") AS "name",
         COALESCE(a."subjectType", t."subjectType", n."subjectType") AS "subjectType",
         COALESCE(a."subjectId", t."subjectId", n."subjectId") AS "subjectId",
         COALESCE(a."occurredAt", t."occurredAt", n."occurredAt") AS "occurredAt",
         COALESCE(a."actorId", t."actorId", n."actorId") AS "actorId",
         COALESCE(a."organizationId", t."organizationId", n."organizationId") AS "organizationId",
         a."ip", a."userAgent",
         COALESCE(a."data", '{}'::jsonb) AS "auditData",
         COALESCE(n."data", '{}'::jsonb) || COALESCE(t."data", '{}'::jsonb)
           || CASE WHEN t."type" = 'submitted' AND t."entityId" IS NOT NULL THEN jsonb_build_object('submissionId', t."entityId") ELSE '{}'::jsonb END
           || CASE WHEN t."type" = 'changes_requested' THEN jsonb_build_object('message', t."message") ELSE '{}'::jsonb END
           || CASE WHEN t."type" IN ('refused', 'enrolment_suspended', 'enrolment_reinstated', 'enrolment_revoked') OR n."reason" IS NOT NULL
                   THEN jsonb_build_object('reason', COALESCE(n."reason", t."message")) ELSE '{}'::jsonb END AS "historyData"
  FROM "legacy_audit" a
  FULL JOIN "legacy_timeline" t
    ON t."name" = a."name" AND t."subjectType" = a."subjectType" AND t."subjectId" = a."subjectId" AND t."rank" = a."rank"
  FULL JOIN "legacy_enrolment" n
    ON n."name" = COALESCE(a."name", t."name") AND n."subjectType" = COALESCE(a."subjectType", t."subjectType")
   AND n."subjectId" = COALESCE(a."subjectId", t."subjectId") AND n."rank" = COALESCE(a."rank", t."rank");

-- Personal data leaves the payload for the side table: e-mail addresses, people's names, typed filters.
ALTER TABLE "legacy_act" ADD COLUMN "personalKeys" text[];
UPDATE "legacy_act" SET "personalKeys" = CASE
  WHEN "name" IN ('user.sign_in_failed', 'user.sign_in_rate_limited') OR "name" LIKE 'invitation.%' OR "name" LIKE 'ans_account.%' THEN ARRAY['email']
  WHEN "name" LIKE 'membership.%' THEN ARRAY['email', 'name']
  WHEN "name" IN ('attestation.sent', 'attestation.link_resent') THEN ARRAY['clientEmail']
  WHEN "name" = 'attestation.signed' THEN ARRAY['signerName', 'signerFunction']
  WHEN "name" = 'audit_log.exported' THEN ARRAY['actorEmail']
  ELSE ARRAY[]::text[]
END;

INSERT INTO "Event" ("id", "name", "actorType", "actorId", "actorJob", "subjectType", "subjectId", "organizationId", "occurredAt", "payload")
  SELECT "eventId", "name",
         CASE WHEN "actorId" IS NOT NULL THEN 'USER'
              WHEN "name" = 'attestation.sealed' OR "name" LIKE 'certificate.expir%' THEN 'SYSTEM'
              ELSE 'ANONYMOUS' END::"EventActorType",
         "actorId",
         CASE WHEN "actorId" IS NOT NULL THEN NULL
              WHEN "name" = 'attestation.sealed' THEN 'attestation-seal'
              WHEN "name" LIKE 'certificate.expir%' THEN 'certificate-expiry-watch' END,
         "subjectType", "subjectId", "organizationId", "occurredAt",
         "historyData" || ("auditData" - "personalKeys")
  FROM "legacy_act";

INSERT INTO "EventPersonalData" ("eventId", "ip", "userAgent", "details")
  SELECT "eventId", "ip", "userAgent",
         COALESCE((SELECT jsonb_object_agg(key, item) FROM jsonb_each("auditData") AS entry(key, item) WHERE key = ANY("personalKeys")), '{}'::jsonb)
  FROM "legacy_act"
  WHERE "ip" IS NOT NULL OR "userAgent" IS NOT NULL OR "auditData" ?| "personalKeys";

INSERT INTO "EventLegacySource" ("sourceTable", "sourceId", "eventId")
  SELECT 'AuditEvent', "auditId", "eventId" FROM "legacy_act" WHERE "auditId" IS NOT NULL
  UNION ALL SELECT 'ApplicationEvent', "timelineId", "eventId" FROM "legacy_act" WHERE "timelineId" IS NOT NULL
  UNION ALL SELECT 'EnrolmentEvent', "enrolmentEventId", "eventId" FROM "legacy_act" WHERE "enrolmentEventId" IS NOT NULL;

-- The backfill: the migrated events, oldest first, chained by the same function as every later insert.
DO E'
DECLARE
  migrated record\073
BEGIN
  FOR migrated IN SELECT "id" FROM "Event" ORDER BY "occurredAt", "id" LOOP
    PERFORM "event_chain_link"(migrated."id")\073
  END LOOP\073
END
';

DROP TABLE "legacy_act";
DROP TABLE "legacy_enrolment";
DROP TABLE "legacy_timeline";
DROP TABLE "legacy_audit";

DROP TABLE "ApplicationEvent";
DROP TABLE "EnrolmentEvent";
DROP TABLE "AuditEvent";

-- 4. From now on: every event is chained when its transaction commits (a deferred trigger, so the chain's lock is
-- taken by the transaction's last statement), and nothing of the log can be changed or removed.
CREATE FUNCTION "event_chain_on_commit"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "event_chain_link"(NEW."id")\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "Event_chain" AFTER INSERT ON "Event"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "event_chain_on_commit"();

-- The only change allowed: the chain trigger (nested, so at trigger depth 2) filling the chain columns of an event
-- not yet chained. Everything else is refused, and so are DELETE and TRUNCATE.
CREATE FUNCTION "event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'UPDATE\' AND pg_trigger_depth() > 1 AND OLD."hash" IS NULL AND NEW."hash" IS NOT NULL
     AND (to_jsonb(NEW) - \'sequence\' - \'previousHash\' - \'hash\') = (to_jsonb(OLD) - \'sequence\' - \'previousHash\' - \'hash\') THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION \'Le journal des événements est en ajout seul : % refusé sur %.\', TG_OP, TG_TABLE_NAME USING ERRCODE = \'42501\'\073
END
';

CREATE TRIGGER "Event_append_only" BEFORE UPDATE OR DELETE ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "event_append_only"();
CREATE TRIGGER "Event_no_truncate" BEFORE TRUNCATE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_append_only"();

-- The chain's end moves only through event_chain_link, inside the chain trigger.
CREATE FUNCTION "event_chain_head_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'UPDATE\' AND pg_trigger_depth() > 1 THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION \'La fin de la chaîne du journal ne se modifie que par l\'\'ajout d\'\'un événement : % refusé.\', TG_OP USING ERRCODE = \'42501\'\073
END
';

CREATE TRIGGER "EventChainHead_guard" BEFORE INSERT OR UPDATE OR DELETE ON "EventChainHead"
  FOR EACH ROW EXECUTE FUNCTION "event_chain_head_guard"();
CREATE TRIGGER "EventChainHead_no_truncate" BEFORE TRUNCATE ON "EventChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_chain_head_guard"();

-- What the migration mapped stays as it wrote it.
CREATE FUNCTION "event_legacy_source_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION \'La correspondance des anciens événements ne se modifie pas : % refusé.\', TG_OP USING ERRCODE = \'42501\'\073
END
';

CREATE TRIGGER "EventLegacySource_guard" BEFORE INSERT OR UPDATE OR DELETE ON "EventLegacySource"
  FOR EACH ROW EXECUTE FUNCTION "event_legacy_source_guard"();
CREATE TRIGGER "EventLegacySource_no_truncate" BEFORE TRUNCATE ON "EventLegacySource"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_legacy_source_guard"();
