-- Per-address limits of the anonymous endpoints (ADR 0027): requests per scope, client address and fixed window.
CREATE TABLE "AnonymousRequestWindow" (
    "scope" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AnonymousRequestWindow_pkey" PRIMARY KEY ("scope", "address", "windowStart")
);

CREATE INDEX "AnonymousRequestWindow_windowStart_idx" ON "AnonymousRequestWindow"("windowStart");
