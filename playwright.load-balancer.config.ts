import { defineConfig } from "@playwright/test";
import { loadBalancerPorts } from "./lib/testing/load-balancer-run";
import base from "./playwright.config";

// The load-balancer phase (ADR 0055), its own stage of `npm test` after the e2e phase: Debian's nginx with
// deploy/nginx/ror-portal.conf over TLS in front of two production instances (scripts/load-balancer-server.ts).
// One worker: its journeys stop an instance, in order.
const ports = loadBalancerPorts();
const chromium = base.projects!.find((project) => project.name === "chromium")!;

export default defineConfig({
  testDir: "e2e/load-balancer",
  testMatch: "**/*.lb.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    ...base.use,
    baseURL: `https://localhost:${ports.https}`,
    // nginx presents a self-signed certificate made for the run.
    ignoreHTTPSErrors: true,
  },
  projects: [{ name: "répartiteur", use: { ...chromium.use, ignoreHTTPSErrors: true } }],
  webServer: {
    command: "npx tsx scripts/load-balancer-server.ts",
    url: `http://127.0.0.1:${ports.control}/instances`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
