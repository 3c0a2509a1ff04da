import pg from "pg";
import { readE2eRun } from "../../lib/testing/e2e-run";

/**
 * A precondition of the journeys that submit dossiers but are not about ANS's verification (issue 22): the
 * organisation just signed up is marked verified in the run's database, as a reviewer would have done. The
 * verification itself, through the pages, is e2e/organization-verification.spec.ts.
 */
export async function markOrganizationVerified(siret: string): Promise<void> {
  const client = new pg.Client({ connectionString: readE2eRun().databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`UPDATE "Organization" SET "status" = 'VERIFIED', "awaitingVerificationSince" = NULL, "statusChangedAt" = now() WHERE "siret" = $1`, [siret]);
    if (result.rowCount !== 1) throw new Error(`no organisation with SIRET ${siret}`);
  } finally {
    await client.end();
  }
}
