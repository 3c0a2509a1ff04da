import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabaseFromTemplate, dropDatabase } from "../runtime/database-tools";

// Runs before each integration test file: a fresh database copied from the migrated template.
const adminUrl = inject("adminDatabaseUrl");
const name = `ror_test_${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await createDatabaseFromTemplate(adminUrl, name, inject("templateDatabase"));
process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
process.env.SEAL_P12_BASE64 ??= inject("sealP12Base64");
process.env.SEAL_P12_PASSPHRASE ??= inject("sealP12Passphrase");
// Every file signs people up from the same test address: the per-address limit of sign-ups, recovery requests and
// invitation acceptances (ADR 0020) is proven by its own tests, which pass their own profile.
process.env.ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR ??= "100000";

afterAll(async () => {
  const { db } = await import("../db.server");
  await db().$disconnect();
  await dropDatabase(adminUrl, name);
});
