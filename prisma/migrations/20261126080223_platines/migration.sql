-- CreateEnum
CREATE TYPE "PlatinesSessionType" AS ENUM ('SANDBOX', 'ACCEPTANCE', 'CERTIFICATION');

-- CreateTable
CREATE TABLE "PlatinesTestPlan" (
    "id" UUID NOT NULL,
    "seedKey" TEXT,
    "name" TEXT NOT NULL,
    "api" "RorApi" NOT NULL,
    "description" TEXT NOT NULL,
    "isExample" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlatinesTestPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatinesRequiredCase" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlatinesRequiredCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatinesSubmission" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "sessionType" "PlatinesSessionType" NOT NULL,
    "sessionIdentifier" TEXT NOT NULL,
    "ranOn" DATE NOT NULL,
    "reportFileId" UUID NOT NULL,
    "summary" JSONB NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "totalCases" INTEGER NOT NULL,
    "casesPassed" INTEGER NOT NULL,
    "satisfied" BOOLEAN NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedById" UUID,
    "validatedAt" TIMESTAMPTZ(3),
    "validationNote" TEXT,

    CONSTRAINT "PlatinesSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatinesEvidence" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlatinesEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_PlatinesTestPlanProfiles" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_PlatinesTestPlanProfiles_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatinesTestPlan_seedKey_key" ON "PlatinesTestPlan"("seedKey");

-- CreateIndex
CREATE INDEX "PlatinesRequiredCase_planId_position_idx" ON "PlatinesRequiredCase"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlatinesRequiredCase_planId_identifier_key" ON "PlatinesRequiredCase"("planId", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "PlatinesSubmission_reportFileId_key" ON "PlatinesSubmission"("reportFileId");

-- CreateIndex
CREATE INDEX "PlatinesSubmission_serviceId_planId_submittedAt_idx" ON "PlatinesSubmission"("serviceId", "planId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlatinesEvidence_fileId_key" ON "PlatinesEvidence"("fileId");

-- CreateIndex
CREATE INDEX "PlatinesEvidence_submissionId_position_idx" ON "PlatinesEvidence"("submissionId", "position");

-- CreateIndex
CREATE INDEX "_PlatinesTestPlanProfiles_B_index" ON "_PlatinesTestPlanProfiles"("B");

-- AddForeignKey
ALTER TABLE "PlatinesRequiredCase" ADD CONSTRAINT "PlatinesRequiredCase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlatinesTestPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesSubmission" ADD CONSTRAINT "PlatinesSubmission_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesSubmission" ADD CONSTRAINT "PlatinesSubmission_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PlatinesTestPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesSubmission" ADD CONSTRAINT "PlatinesSubmission_reportFileId_fkey" FOREIGN KEY ("reportFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesSubmission" ADD CONSTRAINT "PlatinesSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesSubmission" ADD CONSTRAINT "PlatinesSubmission_validatedById_fkey" FOREIGN KEY ("validatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesEvidence" ADD CONSTRAINT "PlatinesEvidence_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "PlatinesSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatinesEvidence" ADD CONSTRAINT "PlatinesEvidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PlatinesTestPlanProfiles" ADD CONSTRAINT "_PlatinesTestPlanProfiles_A_fkey" FOREIGN KEY ("A") REFERENCES "AccessProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PlatinesTestPlanProfiles" ADD CONSTRAINT "_PlatinesTestPlanProfiles_B_fkey" FOREIGN KEY ("B") REFERENCES "PlatinesTestPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
