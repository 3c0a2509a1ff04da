import type { TestProject } from "vitest/node";
import { createMigratedDatabase, startTestCluster } from "./test-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/** One server and one migrated template for the run; each test file copies the template. */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const templateDatabase = `ror_template_${process.pid}`;
  await createMigratedDatabase(cluster.adminUrl, templateDatabase);
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    const { dropDatabase } = await import("../runtime/database-tools");
    await dropDatabase(cluster.adminUrl, templateDatabase).catch(() => undefined);
    await cluster.stop();
  };
}
