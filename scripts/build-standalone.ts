// The second half of `npm run build`, after `next build` (output: "standalone"): makes .next/standalone a folder that
// runs on its own (ADR 0023). It bundles our production server (production-server.ts) into portal.mjs with esbuild,
// leaving out only the packages Next's trace already put in .next/standalone/node_modules, and copies in the static
// files Next leaves out of it (.next/static, public/).
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
// Loaded from the standalone node_modules at run time: Next itself, and the packages our server shares with the code
// Next compiled (one copy of each, so one logger and one metrics registry).
const EXTERNAL = ["next", "pino", "prom-client"];

if (!existsSync(path.join(standalone, ".next"))) {
  console.error("[construction] .next/standalone absent : next build n'a pas produit la sortie « standalone ».");
  process.exit(1);
}
const missing = EXTERNAL.filter((name) => !existsSync(path.join(standalone, "node_modules", name, "package.json")));
if (missing.length > 0) {
  console.error(`[construction] absents de .next/standalone/node_modules : ${missing.join(", ")} (serverExternalPackages de next.config.js).`);
  process.exit(1);
}

await build({
  entryPoints: [path.join(root, "lib", "runtime", "production-server.ts")],
  outfile: path.join(standalone, "portal.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS code may call require().
  banner: { js: "import { createRequire as __portalCreateRequire } from 'node:module'; const require = __portalCreateRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});

for (const [from, to] of [
  [path.join(root, ".next", "static"), path.join(standalone, ".next", "static")],
  [path.join(root, "public"), path.join(standalone, "public")],
] as const) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
console.log("[construction] .next/standalone prêt : npm run start:production (ou node .next/standalone/portal.mjs).");
