-- Issue 24: a certificate found on its CA's revocation list is never enforced again. The export reads revoked
-- fingerprints, so marking one bumps the whitelist revision like any other change of what the gateway enforces.
ALTER TABLE "Certificate" ADD COLUMN "revokedAt" TIMESTAMPTZ(3);
CREATE TRIGGER "Certificate_whitelist_revision" AFTER UPDATE OF "revokedAt" ON "Certificate"
  FOR EACH STATEMENT EXECUTE FUNCTION "whitelist_revision_bump"();
