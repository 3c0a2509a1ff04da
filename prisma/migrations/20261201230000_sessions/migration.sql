-- Sessions in PostgreSQL (ADR 0015) and sign-in attempts counted per (account, client address) and per address
-- (ADR 0016).

-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('PENDING', 'FAILED', 'SUCCEEDED');

-- CreateEnum
CREATE TYPE "SessionEndReason" AS ENUM ('SIGNED_OUT', 'PASSWORD_CHANGED', 'ACCOUNT_DISABLED', 'ROLES_CHANGED');

-- DropIndex
DROP INDEX "SignInAttempt_emailKey_attemptedAt_idx";

-- AlterTable: the earlier rows keep their meaning.
ALTER TABLE "SignInAttempt" ADD COLUMN "outcome" "SignInOutcome";
UPDATE "SignInAttempt" SET "outcome" = CASE WHEN "succeeded" THEN 'SUCCEEDED'::"SignInOutcome" ELSE 'FAILED'::"SignInOutcome" END;
ALTER TABLE "SignInAttempt" ALTER COLUMN "outcome" SET NOT NULL;
ALTER TABLE "SignInAttempt" DROP COLUMN "succeeded";

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "idleTimeoutSeconds" INTEGER NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" "SessionEndReason",
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_emailKey_ip_attemptedAt_idx" ON "SignInAttempt"("emailKey", "ip", "attemptedAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
