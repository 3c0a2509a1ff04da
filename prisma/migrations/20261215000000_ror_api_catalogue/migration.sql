-- The catalogue of ROR APIs the gateway protects (issue 24, ADR 0052), seeded with the charter's three APIs at the
-- charter's level 1 (100 calls per second per API). Additive only (ADR 0056): the previous release ignores it.
CREATE TYPE "GatewayApiKind" AS ENUM ('AUTHENTICATED', 'PUBLIC');

CREATE TABLE "GatewayApi" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "pathPrefix" TEXT NOT NULL,
    "kind" "GatewayApiKind" NOT NULL,
    "level1PerSecond" INTEGER NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "GatewayApi_pkey" PRIMARY KEY ("id"),
    -- The same rules as the form (lib/catalogue/ror-api-schema.ts), so no write path can hand nginx a metacharacter.
    CONSTRAINT "GatewayApi_pathPrefix_check" CHECK ("pathPrefix" ~ '^/([A-Za-z0-9._-]+/)+$' AND "pathPrefix" !~ '/\.\.?/'),
    CONSTRAINT "GatewayApi_level1PerSecond_check" CHECK ("level1PerSecond" BETWEEN 1 AND 1000)
);

CREATE INDEX "GatewayApi_retiredAt_idx" ON "GatewayApi"("retiredAt");
-- Two APIs in use never share a prefix, and overlap (one prefix starting with another) is checked by the use case.
CREATE UNIQUE INDEX "GatewayApi_pathPrefix_in_use_key" ON "GatewayApi"("pathPrefix") WHERE "retiredAt" IS NULL;

INSERT INTO "GatewayApi" ("id", "name", "pathPrefix", "kind", "level1PerSecond", "updatedAt") VALUES
    ('8f0c2a5e-3d61-4c7a-9b1e-000000000001', 'API FHIR du ROR', '/fhir/', 'AUTHENTICATED', 100, now()),
    ('8f0c2a5e-3d61-4c7a-9b1e-000000000002', 'Services web historiques du ROR', '/ws/', 'AUTHENTICATED', 100, now()),
    ('8f0c2a5e-3d61-4c7a-9b1e-000000000003', 'API open data du ROR', '/opendata/', 'PUBLIC', 100, now());
