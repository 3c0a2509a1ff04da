-- Organisations proven (issue 22, ADR 0047 to 0049): ANS verifies who an organisation is from a register extract,
-- administrators suspend and reinstate it, a sign-up with a SIRET that has an account becomes a join request, and
-- legal representatives name technical contacts.

-- CreateEnum
CREATE TYPE "OrganizationStatus" AS ENUM ('UNVERIFIED', 'VERIFIED', 'REFUSED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "OrganizationEvidenceKind" AS ENUM ('REGISTER_EXTRACT', 'DELEGATION');

-- CreateEnum
CREATE TYPE "JoinRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED');

-- AlterEnum
ALTER TYPE "SessionEndReason" ADD VALUE 'ORGANIZATION_SUSPENDED';

-- AlterTable: organisations that exist already have never been verified: they wait in ANS's queue from their creation.
ALTER TABLE "Organization" ADD COLUMN "status" "OrganizationStatus" NOT NULL DEFAULT 'UNVERIFIED',
ADD COLUMN "statusReason" TEXT,
ADD COLUMN "statusChangedAt" TIMESTAMPTZ(3),
ADD COLUMN "statusChangedById" UUID,
ADD COLUMN "statusBeforeSuspension" "OrganizationStatus",
ADD COLUMN "awaitingVerificationSince" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

UPDATE "Organization" SET "awaitingVerificationSince" = "createdAt";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "isTechnicalContact" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrganizationEvidence" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "OrganizationEvidenceKind" NOT NULL,
    "documentDate" DATE NOT NULL,
    "fileId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "status" "JoinRequestStatus" NOT NULL DEFAULT 'PENDING',
    "asLegalRepresentative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationEvidence_fileId_key" ON "OrganizationEvidence"("fileId");

-- CreateIndex
CREATE INDEX "OrganizationEvidence_organizationId_uploadedAt_idx" ON "OrganizationEvidence"("organizationId", "uploadedAt");

-- CreateIndex
CREATE INDEX "JoinRequest_organizationId_status_idx" ON "JoinRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "JoinRequest_requesterId_createdAt_idx" ON "JoinRequest"("requesterId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrganizationEvidence" ADD CONSTRAINT "OrganizationEvidence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationEvidence" ADD CONSTRAINT "OrganizationEvidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationEvidence" ADD CONSTRAINT "OrganizationEvidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A suspension or reinstatement of an organisation changes what the whitelist export enforces (entries.server.ts
-- leaves out the enrolments of suspended organisations): bump the revision the export's cache compares with.
CREATE TRIGGER "Organization_whitelist_revision" AFTER UPDATE OF "status" ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "whitelist_revision_bump"();
