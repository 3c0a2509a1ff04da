// `npm run start:production`: the portal in production mode from the standalone build (ADR 0023), bundled by
// `npm run build` into .next/standalone/portal.mjs; plain Node, no tsx, no build, no migration, no demo data.
// It refuses to start, one line per problem, when a setting production requires is missing or one it forbids is set
// (PRODUCTION_REQUIREMENTS in lib/env.ts). The background worker runs in this process unless PORTAL_WORKER=off
// (instrumentation.ts); SIGTERM finishes the requests and the jobs under way.
import { EnvError, parseEnv, type Env } from "../env";
import { startPortalServer } from "./portal-server";

let settings: Env;
try {
  // Outside production mode this command refuses, and names everything production would refuse as well.
  const refusal = process.env.PORTAL_MODE === "production" ? [] : ["PORTAL_MODE: doit valoir production pour npm run start:production (npm start sert la démonstration) / must be production"];
  try {
    settings = parseEnv({ ...process.env, PORTAL_MODE: "production" });
  } catch (error) {
    if (error instanceof EnvError) throw new EnvError([...refusal, ...error.problems]);
    throw error;
  }
  if (refusal.length > 0) throw new EnvError(refusal);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : String(error));
  process.exit(1);
}

// This file sits in the standalone build's folder, beside its .next and node_modules.
const dir = import.meta.dirname;
process.chdir(dir);
Object.assign(process.env, { NODE_ENV: "production" });

const server = await startPortalServer({
  dir,
  port: Number(process.env.PORT ?? 3000),
  dev: false,
  production: true,
  trustedProxies: settings.TRUSTED_PROXY_COUNT,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
