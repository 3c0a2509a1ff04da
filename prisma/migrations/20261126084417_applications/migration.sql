-- Trigram search for the reviewer queue (organisation name, SIRET, service name).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('NEW', 'AMENDMENT');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AmendmentReason" AS ENUM ('CHANGE', 'CERTIFICATE_RENEWAL');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'REVOKED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "MessageSide" AS ENUM ('EDITOR', 'REVIEWER');

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "ApplicationKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "openServiceId" UUID,
    "requestedProfileId" UUID NOT NULL,
    "amendmentReason" "AmendmentReason",
    "amendmentNote" TEXT,
    "previousEnrolmentId" UUID,
    "snapshot" JSONB,
    "submissionCount" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3),
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionReason" TEXT,
    "organizationName" TEXT NOT NULL,
    "organizationSiret" CHAR(14) NOT NULL,
    "serviceName" TEXT NOT NULL,
    "requestedProfileCode" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStatusCount" (
    "status" "ApplicationStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApplicationStatusCount_pkey" PRIMARY KEY ("status")
);

-- CreateTable
CREATE TABLE "ApplicationSubmission" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "diff" JSONB,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" UUID NOT NULL,

    CONSTRAINT "ApplicationSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT,
    "entityType" TEXT,
    "entityId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationMessage" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "side" "MessageSide" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "currentServiceId" UUID,
    "grant" JSONB NOT NULL,
    "accessProfileId" UUID NOT NULL,
    "accessProfileCode" TEXT NOT NULL,
    "level2AuthenticatedPerSecond" INTEGER NOT NULL,
    "level2PublicPerSecond" INTEGER NOT NULL,
    "quotaReason" TEXT,
    "certificateFingerprints" TEXT[],
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedById" UUID NOT NULL,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededByApplicationId" UUID,
    "suspendedAt" TIMESTAMPTZ(3),
    "suspendedById" UUID,
    "suspensionReason" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "revocationReason" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentEvent" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "EnrolmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_openServiceId_key" ON "Application"("openServiceId");

-- CreateIndex
CREATE INDEX "Application_status_submittedAt_id_idx" ON "Application"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_submittedAt_id_idx" ON "Application"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_status_organizationName_idx" ON "Application"("status", "organizationName");

-- CreateIndex
CREATE INDEX "Application_organizationSiret_idx" ON "Application"("organizationSiret");

-- CreateIndex
CREATE INDEX "Application_serviceId_createdAt_idx" ON "Application"("serviceId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_organizationId_createdAt_idx" ON "Application"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_searchText_idx" ON "Application" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationSubmission_applicationId_number_key" ON "ApplicationSubmission"("applicationId", "number");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_occurredAt_idx" ON "ApplicationEvent"("applicationId", "occurredAt");

-- CreateIndex
CREATE INDEX "ApplicationMessage_applicationId_createdAt_idx" ON "ApplicationMessage"("applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_applicationId_key" ON "Enrolment"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_currentServiceId_key" ON "Enrolment"("currentServiceId");

-- CreateIndex
CREATE INDEX "Enrolment_serviceId_approvedAt_idx" ON "Enrolment"("serviceId", "approvedAt");

-- CreateIndex
CREATE INDEX "Enrolment_status_idx" ON "Enrolment"("status");

-- CreateIndex
CREATE INDEX "Enrolment_certificateFingerprints_idx" ON "Enrolment" USING GIN ("certificateFingerprints");

-- CreateIndex
CREATE INDEX "EnrolmentEvent_enrolmentId_occurredAt_idx" ON "EnrolmentEvent"("enrolmentId", "occurredAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_requestedProfileId_fkey" FOREIGN KEY ("requestedProfileId") REFERENCES "AccessProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_previousEnrolmentId_fkey" FOREIGN KEY ("previousEnrolmentId") REFERENCES "Enrolment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSubmission" ADD CONSTRAINT "ApplicationSubmission_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSubmission" ADD CONSTRAINT "ApplicationSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMessage" ADD CONSTRAINT "ApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMessage" ADD CONSTRAINT "ApplicationMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_accessProfileId_fkey" FOREIGN KEY ("accessProfileId") REFERENCES "AccessProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentEvent" ADD CONSTRAINT "EnrolmentEvent_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentEvent" ADD CONSTRAINT "EnrolmentEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Counts per status for the reviewer queue, kept exact in the transaction of every change of an application.
INSERT INTO "ApplicationStatusCount" ("status", "count")
  SELECT s, 0 FROM unnest(enum_range(NULL::"ApplicationStatus")) AS s;

-- The migration runner splits scripts at every semicolon (@prisma/adapter-pg executeScript), even inside a
-- function body: the body is an E-string whose semicolons are written \073 (the octal code of a semicolon).
CREATE FUNCTION "application_status_count"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    UPDATE "ApplicationStatusCount" SET "count" = "count" - 1 WHERE "status" = OLD."status"\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    UPDATE "ApplicationStatusCount" SET "count" = "count" + 1 WHERE "status" = NEW."status"\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "Application_status_count_insert_delete" AFTER INSERT OR DELETE ON "Application"
  FOR EACH ROW EXECUTE FUNCTION "application_status_count"();
CREATE TRIGGER "Application_status_count_update" AFTER UPDATE OF "status" ON "Application"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "application_status_count"();
