-- Issue 24 item 4 (ADR 0050): every GatewayEntry row written gets a new number, so an instance keeps the JSON of the
-- rows it has read and the first export after a change reads only the rows written since. Additive (ADR 0056):
-- existing rows are numbered by the sequence as the column is added.
ALTER TABLE "GatewayEntry" ADD COLUMN "revision" BIGSERIAL NOT NULL;
CREATE UNIQUE INDEX "GatewayEntry_revision_key" ON "GatewayEntry"("revision");
