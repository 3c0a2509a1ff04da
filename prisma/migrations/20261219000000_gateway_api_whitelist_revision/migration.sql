-- The whitelist export publishes the ROR API catalogue with each API's level 1 (issue 24, ADR 0052): a change to the
-- catalogue changes the export, so it bumps the whitelist revision like enrolments and the level-1 default do.
CREATE TRIGGER "GatewayApi_whitelist_revision" AFTER INSERT OR UPDATE OR DELETE ON "GatewayApi"
  FOR EACH STATEMENT EXECUTE FUNCTION "whitelist_revision_bump"();
