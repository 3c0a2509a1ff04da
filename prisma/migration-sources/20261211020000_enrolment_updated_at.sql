-- Issue 24 (ADR 0050): the export trusts a precomputed GatewayEntry only while its sourceUpdatedAt equals the
-- enrolment's updatedAt. Prisma sets updatedAt on its own updates only, so a statement written in SQL (a script,
-- the previous release's raw queries) would leave a stale entry looking fresh: the database moves it instead.
CREATE FUNCTION "enrolment_touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."updatedAt" = clock_timestamp();
  RETURN NEW;
END
$$;

CREATE TRIGGER "Enrolment_touch_updated_at" BEFORE UPDATE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "enrolment_touch_updated_at"();
