-- Several client signatories per attestation (issue 27, ADR 0053, 0054). Expand only: the previous release, still
-- running beside this one during a deployment, reads and writes the first signatory in the columns it knows
-- ("clientSignatory*"), the others (2 to 10) live in a new JSON column it ignores. Nothing is dropped.

-- CreateEnum
CREATE TYPE "AttestationSigningOrder" AS ENUM ('PARALLEL', 'ORDERED');

-- AlterTable
ALTER TABLE "Attestation" ADD COLUMN "additionalClientSignatories" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "signingOrder" "AttestationSigningOrder" NOT NULL DEFAULT 'PARALLEL';

-- AlterTable: which client signatory a signature row is for (0 = the first), and when their link was sent
-- (in order, a signatory's row exists from the start but is invited only when the previous one has signed).
ALTER TABLE "AttestationSignature" ADD COLUMN "position" INTEGER,
ADD COLUMN "invitedAt" TIMESTAMPTZ(3);

-- Backfill: every existing client signature is the first (and only) signatory's, invited when it was created.
UPDATE "AttestationSignature" SET "position" = 0, "invitedAt" = "createdAt" WHERE "party" = 'CLIENT';

-- CreateTable: a client signatory's personal link to download the sealed PDF (only the SHA-256 of the token is stored).
CREATE TABLE "AttestationCopyLink" (
    "id" UUID NOT NULL,
    "attestationId" UUID NOT NULL,
    "signatureId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AttestationCopyLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AttestationCopyLink_tokenHash_key" ON "AttestationCopyLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AttestationCopyLink_signatureId_key" ON "AttestationCopyLink"("signatureId");

-- CreateIndex
CREATE INDEX "AttestationCopyLink_attestationId_idx" ON "AttestationCopyLink"("attestationId");

-- AddForeignKey
ALTER TABLE "AttestationCopyLink" ADD CONSTRAINT "AttestationCopyLink_attestationId_fkey" FOREIGN KEY ("attestationId") REFERENCES "Attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationCopyLink" ADD CONSTRAINT "AttestationCopyLink_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "AttestationSignature"("id") ON DELETE CASCADE ON UPDATE CASCADE;
