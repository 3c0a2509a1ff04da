-- CreateEnum
CREATE TYPE "AttestationStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNATURES', 'DECLINED', 'SIGNED', 'SEALED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttestationParty" AS ENUM ('CLIENT', 'EDITOR');

-- CreateEnum
CREATE TYPE "AttestationSignatureStatus" AS ENUM ('PENDING', 'SIGNED', 'DECLINED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Attestation" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "AttestationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "clientName" TEXT NOT NULL DEFAULT '',
    "clientAddress" TEXT NOT NULL DEFAULT '',
    "clientSignatoryLastName" TEXT NOT NULL DEFAULT '',
    "clientSignatoryFirstName" TEXT NOT NULL DEFAULT '',
    "clientSignatoryFunction" TEXT NOT NULL DEFAULT '',
    "clientSiret" TEXT NOT NULL DEFAULT '',
    "clientSignatoryEmail" TEXT NOT NULL DEFAULT '',
    "editorLegalRepresentativeId" UUID,
    "orderSignedOn" DATE,
    "softwareVersion" TEXT NOT NULL DEFAULT '',
    "place" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sealedFileId" UUID,
    "sealedAt" TIMESTAMPTZ(3),
    "sealedSha256" TEXT,

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttestationRound" (
    "id" UUID NOT NULL,
    "attestationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "sentFileId" UUID NOT NULL,
    "sentSha256" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "sentById" UUID NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedReason" TEXT,

    CONSTRAINT "AttestationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttestationSignature" (
    "id" UUID NOT NULL,
    "attestationId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "party" "AttestationParty" NOT NULL,
    "status" "AttestationSignatureStatus" NOT NULL DEFAULT 'PENDING',
    "signerName" TEXT NOT NULL,
    "signerFunction" TEXT NOT NULL,
    "signerEmail" TEXT NOT NULL,
    "userId" UUID,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "usedAt" TIMESTAMPTZ(3),
    "image" BYTEA,
    "signedAt" TIMESTAMPTZ(3),
    "declinedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttestationSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_sealedFileId_key" ON "Attestation"("sealedFileId");

-- CreateIndex
CREATE INDEX "Attestation_serviceId_createdAt_idx" ON "Attestation"("serviceId", "createdAt");

-- CreateIndex
CREATE INDEX "Attestation_organizationId_idx" ON "Attestation"("organizationId");

-- CreateIndex
CREATE INDEX "Attestation_sealedSha256_idx" ON "Attestation"("sealedSha256");

-- CreateIndex
CREATE UNIQUE INDEX "AttestationRound_sentFileId_key" ON "AttestationRound"("sentFileId");

-- CreateIndex
CREATE UNIQUE INDEX "AttestationRound_attestationId_number_key" ON "AttestationRound"("attestationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AttestationSignature_tokenHash_key" ON "AttestationSignature"("tokenHash");

-- CreateIndex
CREATE INDEX "AttestationSignature_attestationId_party_status_idx" ON "AttestationSignature"("attestationId", "party", "status");

-- CreateIndex
CREATE INDEX "AttestationSignature_roundId_idx" ON "AttestationSignature"("roundId");

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_editorLegalRepresentativeId_fkey" FOREIGN KEY ("editorLegalRepresentativeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_sealedFileId_fkey" FOREIGN KEY ("sealedFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationRound" ADD CONSTRAINT "AttestationRound_attestationId_fkey" FOREIGN KEY ("attestationId") REFERENCES "Attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationRound" ADD CONSTRAINT "AttestationRound_sentFileId_fkey" FOREIGN KEY ("sentFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationRound" ADD CONSTRAINT "AttestationRound_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationSignature" ADD CONSTRAINT "AttestationSignature_attestationId_fkey" FOREIGN KEY ("attestationId") REFERENCES "Attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationSignature" ADD CONSTRAINT "AttestationSignature_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AttestationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationSignature" ADD CONSTRAINT "AttestationSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
