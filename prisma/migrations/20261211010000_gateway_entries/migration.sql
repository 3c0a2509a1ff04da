-- Issue 24 (ADR 0050): each enforceable enrolment's whitelist entry, serialised, kept up to date in the transactions
-- that change it. Filled from the enrolments by the application (the serialisation is the export's, in TypeScript):
-- until then the export computes missing or stale rows on the fly, so this migration needs no backfill.
CREATE TABLE "GatewayEntry" (
    "enrolmentId" UUID NOT NULL,
    "environment" TEXT NOT NULL,
    "sortKey" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "requiresCertificate" BOOLEAN NOT NULL,
    "fingerprints" TEXT[],
    "validFrom" TIMESTAMPTZ(3),
    "validUntil" TIMESTAMPTZ(3),
    "bounds" TIMESTAMPTZ(3)[],
    "sourceUpdatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "GatewayEntry_pkey" PRIMARY KEY ("enrolmentId", "environment")
);
ALTER TABLE "GatewayEntry" ADD CONSTRAINT "GatewayEntry_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
