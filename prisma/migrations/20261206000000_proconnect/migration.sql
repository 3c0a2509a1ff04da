-- ProConnect sign-in (issue 20, ADR 0044): the subject an account is linked to, the ProConnect marks of a session,
-- and the sign-ins under way. (The siret columns come from 20261204000000_user_proconnect_siret.)

-- AlterTable
ALTER TABLE "User" ADD COLUMN "proConnectSubject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_proConnectSubject_key" ON "User"("proConnectSubject");

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "proConnectIdToken" TEXT,
ADD COLUMN "secondFactorByProConnect" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProConnectAttempt" (
    "id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "returnTo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "callbackAt" TIMESTAMPTZ(3),
    "claims" JSONB,
    "idToken" TEXT,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ProConnectAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProConnectAttempt_state_key" ON "ProConnectAttempt"("state");

-- CreateIndex
CREATE UNIQUE INDEX "ProConnectAttempt_nonce_key" ON "ProConnectAttempt"("nonce");

-- CreateIndex
CREATE INDEX "ProConnectAttempt_expiresAt_idx" ON "ProConnectAttempt"("expiresAt");
