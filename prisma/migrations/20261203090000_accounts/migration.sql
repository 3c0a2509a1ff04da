-- Accounts (issue 15, ADR 0020 to 0022): verified e-mail addresses, single-use account links (verification, recovery,
-- e-mail change), per-address limits of sign-up, recovery and invitation acceptance, and the forced first change of
-- a one-time password.

-- AlterEnum
ALTER TYPE "SessionEndReason" ADD VALUE 'PASSWORD_RESET';
ALTER TYPE "SessionEndReason" ADD VALUE 'ENDED_BY_OWNER';

-- CreateEnum
CREATE TYPE "AccountLinkPurpose" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL');

-- CreateEnum
CREATE TYPE "AccountRequestKind" AS ENUM ('SIGN_UP', 'PASSWORD_RECOVERY', 'INVITATION_ACCEPTANCE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "oneTimePasswordUsedAt" TIMESTAMPTZ(3);

-- The accounts that exist already have worked until now: they keep working. ANS accounts keep their password too.
UPDATE "User" SET "emailVerifiedAt" = "createdAt";

-- CreateTable
CREATE TABLE "AccountLink" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "AccountLinkPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccountLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountRequest" (
    "id" BIGSERIAL NOT NULL,
    "kind" "AccountRequestKind" NOT NULL,
    "ip" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccountRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountLink_tokenHash_key" ON "AccountLink"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountLink_userId_purpose_createdAt_idx" ON "AccountLink"("userId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "AccountRequest_kind_ip_requestedAt_idx" ON "AccountRequest"("kind", "ip", "requestedAt");

-- AddForeignKey
ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
