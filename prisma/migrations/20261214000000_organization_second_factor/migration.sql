-- An organisation's legal representative may require a second factor of its members (issue 19, ADR 0041).
-- Additive only (ADR 0056): a constant default, so older code that never writes it keeps working.
ALTER TABLE "Organization" ADD COLUMN "requireSecondFactor" BOOLEAN NOT NULL DEFAULT false;
