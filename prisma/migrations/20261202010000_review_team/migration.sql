-- A review team at work (issue 26, ADR 0035 and 0036): assignment, internal notes, unread markers, message
-- templates, and the statistics derived from the event log.

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "assigneeId" UUID,
ADD COLUMN "assignedAt" TIMESTAMPTZ(3),
ADD COLUMN "reviewerActivityAt" TIMESTAMPTZ(3),
ADD COLUMN "editorActivityAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ApplicationNote" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationReadMark" (
    "userId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicationReadMark_pkey" PRIMARY KEY ("userId","applicationId")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatisticsCursor" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sequence" BIGINT NOT NULL DEFAULT 0,
    "refreshedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StatisticsCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatisticsDay" (
    "day" DATE NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "resubmitted" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,
    "ansDelta" INTEGER NOT NULL DEFAULT 0,
    "editorDelta" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatisticsDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "StatisticsDossier" (
    "applicationId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "phaseSince" TIMESTAMPTZ(3),
    "firstSubmittedAt" TIMESTAMPTZ(3),
    "ansSeconds" INTEGER NOT NULL DEFAULT 0,
    "editorSeconds" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "StatisticsDossier_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "StatisticsEnrolment" (
    "enrolmentId" UUID NOT NULL,
    "profileCode" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StatisticsEnrolment_pkey" PRIMARY KEY ("enrolmentId")
);

-- CreateTable
CREATE TABLE "StatisticsCertificate" (
    "enrolmentId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StatisticsCertificate_pkey" PRIMARY KEY ("enrolmentId","fingerprint")
);

-- CreateIndex
CREATE INDEX "Application_assigneeId_status_submittedAt_id_idx" ON "Application"("assigneeId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "ApplicationNote_applicationId_createdAt_idx" ON "ApplicationNote"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "ApplicationReadMark_applicationId_idx" ON "ApplicationReadMark"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_title_key" ON "MessageTemplate"("title");

-- CreateIndex
CREATE INDEX "StatisticsDossier_decidedAt_idx" ON "StatisticsDossier"("decidedAt");

-- CreateIndex
CREATE INDEX "StatisticsEnrolment_endedAt_profileCode_idx" ON "StatisticsEnrolment"("endedAt", "profileCode");

-- CreateIndex
CREATE INDEX "StatisticsCertificate_notAfter_idx" ON "StatisticsCertificate"("notAfter");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationNote" ADD CONSTRAINT "ApplicationNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationNote" ADD CONSTRAINT "ApplicationNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReadMark" ADD CONSTRAINT "ApplicationReadMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReadMark" ADD CONSTRAINT "ApplicationReadMark_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The unread markers: every event about a dossier (or about the enrolment it granted) moves the dossier's
-- activity times, the editors' one except for the events of ANS's side alone (named review.*), and the acting
-- person's read mark (their own act is nothing new to them). Same transaction as the event, like the chain.
CREATE FUNCTION "application_activity"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  target uuid\073
BEGIN
  IF NEW."subjectId" IS NULL OR NEW."subjectId" !~* \'^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$\' THEN
    RETURN NULL\073
  END IF\073
  IF NEW."subjectType" = \'Application\' THEN
    target := NEW."subjectId"::uuid\073
  ELSE
    SELECT "applicationId" INTO target FROM "Enrolment" WHERE "id" = NEW."subjectId"::uuid\073
  END IF\073
  IF target IS NULL THEN
    RETURN NULL\073
  END IF\073
  UPDATE "Application"
     SET "reviewerActivityAt" = GREATEST("reviewerActivityAt", NEW."occurredAt"),
         "editorActivityAt" = CASE WHEN NEW."name" LIKE \'review.%\' THEN "editorActivityAt" ELSE GREATEST("editorActivityAt", NEW."occurredAt") END
   WHERE "id" = target\073
  IF FOUND AND NEW."actorType" = \'USER\' AND NEW."actorId" IS NOT NULL AND EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."actorId") THEN
    INSERT INTO "ApplicationReadMark" ("userId", "applicationId", "readAt") VALUES (NEW."actorId", target, NEW."occurredAt")
      ON CONFLICT ("userId", "applicationId") DO UPDATE SET "readAt" = GREATEST("ApplicationReadMark"."readAt", EXCLUDED."readAt")\073
  END IF\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Event_application_activity" AFTER INSERT ON "Event"
  FOR EACH ROW WHEN (NEW."subjectType" IN ('Application', 'Enrolment')) EXECUTE FUNCTION "application_activity"();

-- Dossiers already on file: their last event so far.
UPDATE "Application" a
   SET "reviewerActivityAt" = e."last", "editorActivityAt" = e."last"
  FROM (SELECT "subjectId", max("occurredAt") AS "last" FROM "Event" WHERE "subjectType" = 'Application' GROUP BY "subjectId") e
 WHERE e."subjectId" = a."id"::text;

-- The statistics start from the first event: the job folds the whole log in on its first run.
INSERT INTO "StatisticsCursor" ("id", "sequence") VALUES (1, 0);
