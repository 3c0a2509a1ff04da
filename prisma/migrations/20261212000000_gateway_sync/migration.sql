-- The gateway follows the whitelist (issue 25, ADR 0058). Expand only: the previous release, still running beside
-- this one during a deployment, ignores the new column and tables, and every existing token keeps the one right it had
-- (the whitelist) through the column's default.

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['whitelist']::TEXT[];
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scopes_known" CHECK (cardinality("scopes") > 0 AND "scopes" <@ ARRAY['whitelist', 'gateway']::TEXT[]);

-- CreateEnum
CREATE TYPE "GatewayApplyResult" AS ENUM ('APPLIED', 'FAILED');

-- CreateTable
CREATE TABLE "GatewayRevision" (
    "id" BIGSERIAL NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "files" JSONB NOT NULL,
    "whitelistRevision" BIGINT NOT NULL,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GatewayRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayReport" (
    "id" BIGSERIAL NOT NULL,
    "revisionId" BIGINT NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "tokenId" UUID,
    "result" "GatewayApplyResult" NOT NULL,
    "message" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GatewayReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GatewayRevision_environment_id_idx" ON "GatewayRevision"("environment", "id");

-- CreateIndex
CREATE INDEX "GatewayReport_environment_receivedAt_idx" ON "GatewayReport"("environment", "receivedAt");

-- AddForeignKey
ALTER TABLE "GatewayReport" ADD CONSTRAINT "GatewayReport_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "GatewayRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayReport" ADD CONSTRAINT "GatewayReport_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
