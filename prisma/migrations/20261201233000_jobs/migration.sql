-- Background work on graphile-worker (ADR 0017): mail delivered by jobs, with its state on each message, and the
-- reminders of client signatories (ADR 0018). The job engine's own schema ("graphile_worker") is installed by the
-- migration step after this script (lib/jobs/schema.server.ts), not here.

CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'MAILBOX');

ALTER TABLE "OutboxMessage"
  ADD COLUMN "messageId" TEXT,
  ADD COLUMN "status" "MailStatus" NOT NULL DEFAULT 'PENDING',
  ADD COLUMN "lastAttemptAt" TIMESTAMPTZ(3),
  ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3),
  ADD COLUMN "retryUntil" TIMESTAMPTZ(3),
  ADD COLUMN "failedAt" TIMESTAMPTZ(3);

-- Messages of the old sender: delivered ones stay delivered, those it gave up on (10 attempts) are failed, the rest
-- wait for the mail sweep, which queues a job for any pending message that has none.
UPDATE "OutboxMessage" SET "messageId" = '<' || "id" || '@ror-espace-confiance.fr>';
UPDATE "OutboxMessage" SET "status" = 'SENT' WHERE "sentAt" IS NOT NULL;
UPDATE "OutboxMessage" SET "status" = 'FAILED', "failedAt" = "createdAt" WHERE "sentAt" IS NULL AND "attempts" >= 10;
ALTER TABLE "OutboxMessage" ALTER COLUMN "messageId" SET NOT NULL;
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");
CREATE INDEX "OutboxMessage_status_failedAt_idx" ON "OutboxMessage"("status", "failedAt");

ALTER TABLE "Attestation" ADD COLUMN "remindersEnabled" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "AttestationReminder" (
    "id" UUID NOT NULL,
    "attestationId" UUID NOT NULL,
    "signatureId" UUID NOT NULL,
    "day" INTEGER NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "AttestationReminder_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AttestationReminder_signatureId_day_key" ON "AttestationReminder"("signatureId", "day");
CREATE INDEX "AttestationReminder_attestationId_idx" ON "AttestationReminder"("attestationId");
