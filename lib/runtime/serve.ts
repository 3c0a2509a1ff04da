// The portal's HTTP server under tsx, run by `npm start`, `npm run dev` and the Playwright web server instead of
// `next start` (see portal-server.ts; production runs the same server from the standalone build, ADR 0023).
//   node --import tsx lib/runtime/serve.ts [--dev]      (PORT, default 3000; every interface, like `next start`)
import path from "node:path";
import { EnvError, parseEnv, type Env } from "../env";
import { startPortalServer } from "./portal-server";

let settings: Env;
try {
  settings = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
const server = await startPortalServer({
  dir: path.resolve(import.meta.dirname, "..", ".."),
  port: Number(process.env.PORT ?? 3000),
  dev: process.argv.includes("--dev"),
  production: settings.PORTAL_MODE === "production",
  trustedProxies: settings.TRUSTED_PROXY_COUNT,
});

async function stop() {
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
