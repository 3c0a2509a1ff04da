-- ANS's resolution of squatting (issue 22, ADR 0057): a join request reaches ANS when unanswered for 15 days or when
-- its requester claims to be the real legal representative. Additive only (ADR 0056).
ALTER TABLE "JoinRequest" ADD COLUMN "escalatedAt" TIMESTAMPTZ(3);
ALTER TABLE "JoinRequest" ADD COLUMN "escalationCause" TEXT;
ALTER TABLE "JoinRequest" ADD COLUMN "ansResolution" TEXT;
ALTER TABLE "JoinRequest" ADD COLUMN "ansResolvedAt" TIMESTAMPTZ(3);
ALTER TABLE "JoinRequest" ADD COLUMN "ansResolvedById" UUID;
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_escalationCause_check" CHECK ("escalationCause" IS NULL OR "escalationCause" IN ('unanswered', 'claim'));
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_ansResolution_check" CHECK ("ansResolution" IS NULL OR "ansResolution" IN ('transferred', 'organization_refused'));
CREATE INDEX "JoinRequest_escalatedAt_idx" ON "JoinRequest"("escalatedAt");
