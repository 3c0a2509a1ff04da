-- Import of the existing trust space (issue 25, ADR 0059). Expand only: the enrolment's origin has a default the
-- previous release never needs to write, and the import tables are new.

-- CreateEnum
CREATE TYPE "EnrolmentOrigin" AS ENUM ('PORTAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "TrustSpaceImportOutcome" AS ENUM ('IMPORTED', 'ALREADY_IMPORTED', 'REJECTED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "origin" "EnrolmentOrigin" NOT NULL DEFAULT 'PORTAL';

-- CreateTable
CREATE TABLE "TrustSpaceImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" CHAR(64) NOT NULL,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "imported" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,

    CONSTRAINT "TrustSpaceImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustSpaceImportLine" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "outcome" "TrustSpaceImportOutcome" NOT NULL,
    "reason" TEXT,
    "siret" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "fingerprintSha256" TEXT,
    "enrolmentId" UUID,
    "expected" JSONB,

    CONSTRAINT "TrustSpaceImportLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustSpaceImport_createdAt_idx" ON "TrustSpaceImport"("createdAt");

-- CreateIndex
CREATE INDEX "TrustSpaceImportLine_importId_lineNumber_idx" ON "TrustSpaceImportLine"("importId", "lineNumber");

-- CreateIndex
CREATE INDEX "TrustSpaceImportLine_enrolmentId_idx" ON "TrustSpaceImportLine"("enrolmentId");

-- AddForeignKey
ALTER TABLE "TrustSpaceImportLine" ADD CONSTRAINT "TrustSpaceImportLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "TrustSpaceImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
