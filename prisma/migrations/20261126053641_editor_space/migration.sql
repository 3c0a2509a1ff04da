-- CreateEnum
CREATE TYPE "ServiceEnvironment" AS ENUM ('TEST', 'PRODUCTION');

-- CreateEnum
CREATE TYPE "ServicePurpose" AS ENUM ('ORIENTATION', 'REGULATION', 'COORDINATION', 'INFORMATION');

-- CreateEnum
CREATE TYPE "RorApi" AS ENUM ('FHIR', 'LEGACY_WEB_SERVICES');

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "asLegalRepresentative" BOOLEAN NOT NULL DEFAULT false,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterVersion" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharterVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterAcceptance" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "charterVersionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,

    CONSTRAINT "CharterAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessProfile" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "requiresCertificate" BOOLEAN NOT NULL DEFAULT true,
    "level2AuthenticatedPerSecond" INTEGER NOT NULL,
    "level2PublicPerSecond" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "softwareName" TEXT NOT NULL,
    "softwareVersion" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "purposes" "ServicePurpose"[],
    "users" TEXT NOT NULL,
    "requestedProfileId" UUID NOT NULL,
    "profileJustification" TEXT NOT NULL,
    "apis" "RorApi"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceUrl" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceUrl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaCertificate" (
    "id" UUID NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "der" BYTEA NOT NULL,
    "subjectDn" TEXT NOT NULL,
    "issuerDn" TEXT NOT NULL,
    "fingerprintSha256" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "addedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "der" BYTEA NOT NULL,
    "fingerprintSha256" TEXT NOT NULL,
    "subjectDn" TEXT NOT NULL,
    "issuerDn" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "facts" JSONB NOT NULL,
    "checks" JSONB NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_createdAt_idx" ON "Invitation"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CharterVersion_version_key" ON "CharterVersion"("version");

-- CreateIndex
CREATE INDEX "CharterVersion_publishedAt_idx" ON "CharterVersion"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CharterAcceptance_organizationId_charterVersionId_userId_key" ON "CharterAcceptance"("organizationId", "charterVersionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessProfile_code_key" ON "AccessProfile"("code");

-- CreateIndex
CREATE INDEX "Service_organizationId_name_idx" ON "Service"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceUrl_serviceId_environment_url_key" ON "ServiceUrl"("serviceId", "environment", "url");

-- CreateIndex
CREATE UNIQUE INDEX "CaCertificate_environment_fingerprintSha256_key" ON "CaCertificate"("environment", "fingerprintSha256");

-- CreateIndex
CREATE INDEX "Certificate_serviceId_environment_uploadedAt_idx" ON "Certificate"("serviceId", "environment", "uploadedAt");

-- CreateIndex
CREATE INDEX "Certificate_fingerprintSha256_idx" ON "Certificate"("fingerprintSha256");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_createdAt_idx" ON "OutboxMessage"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterAcceptance" ADD CONSTRAINT "CharterAcceptance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterAcceptance" ADD CONSTRAINT "CharterAcceptance_charterVersionId_fkey" FOREIGN KEY ("charterVersionId") REFERENCES "CharterVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterAcceptance" ADD CONSTRAINT "CharterAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_requestedProfileId_fkey" FOREIGN KEY ("requestedProfileId") REFERENCES "AccessProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceUrl" ADD CONSTRAINT "ServiceUrl_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
