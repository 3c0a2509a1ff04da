-- Issue 24: each CA's certificate revocation list (ADR 0061). Additive only (ADR 0056): the previous release ignores
-- the table.
CREATE TYPE "RevocationListSource" AS ENUM ('UPLOAD', 'FETCH');

CREATE TABLE "CaRevocationList" (
    "id" UUID NOT NULL,
    "caCertificateId" UUID NOT NULL,
    "der" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "thisUpdate" TIMESTAMPTZ(3) NOT NULL,
    "nextUpdate" TIMESTAMPTZ(3) NOT NULL,
    "crlNumber" TEXT,
    "revokedSerials" INTEGER NOT NULL,
    "source" "RevocationListSource" NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleSoonNoticeAt" TIMESTAMPTZ(3),
    "staleNoticeAt" TIMESTAMPTZ(3),
    CONSTRAINT "CaRevocationList_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CaRevocationList_caCertificateId_sha256_key" ON "CaRevocationList"("caCertificateId", "sha256");
CREATE INDEX "CaRevocationList_caCertificateId_thisUpdate_idx" ON "CaRevocationList"("caCertificateId", "thisUpdate");

ALTER TABLE "CaRevocationList" ADD CONSTRAINT "CaRevocationList_caCertificateId_fkey" FOREIGN KEY ("caCertificateId") REFERENCES "CaCertificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
