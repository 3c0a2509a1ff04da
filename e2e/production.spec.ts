import { request as http } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../scripts/demo/demo-accounts";
import { metricValue, productionInstance } from "./support/production";
import { expect, test } from "./support/test";

// The production start (ADR 0023) as a deployment runs it: standalone build, PORTAL_MODE=production, behind one
// proxy. Its security headers (ADR 0024), its logs, metrics and traces (ADR 0025). lib/testing/e2e-server.ts.

const bare = `http://localhost:${Number(process.env.E2E_PORT ?? "3100")}`;
const member = demoAccounts.find((a) => a.roles.includes("EDITOR") && !a.legalRepresentative)!;
const someAddress = () => `203.0.113.${1 + Math.floor(Math.random() * 250)}`;

let production: Awaited<ReturnType<typeof productionInstance>>;
test.beforeAll(async () => {
  production = await productionInstance();
});

function scriptSrc(policy: string): string {
  return policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
}

test("every response carries the security headers, with HSTS in production mode only", async () => {
  const api = await http.newContext({ baseURL: production.productionUrl });
  const home = await api.get("/");
  const html = await home.text();
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, "a script of the page").toBeDefined();
  for (const path of ["/", "/connexion", "/api/health/live", "/api/v1/whitelist", chunk!, "/favicon.ico", "/page-inexistante"]) {
    const response = await api.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["content-security-policy"], path).toContain("base-uri 'self'");
    expect(headers["content-security-policy"], path).toContain("form-action 'self'");
    expect(scriptSrc(headers["content-security-policy"]!), path).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(headers["cross-origin-resource-policy"], path).toBe("same-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
  }
  // The bare development instance sends the same policy, but no HSTS: it is not reached over https.
  const dev = await (await http.newContext({ baseURL: bare })).get("/");
  expect(dev.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(dev.headers()["strict-transport-security"]).toBeUndefined();
});

test("each page rendered per request carries a fresh nonce on every script, and integrity hashes", async () => {
  const api = await http.newContext({ baseURL: production.productionUrl });
  const first = await api.get("/connexion");
  const second = await api.get("/connexion");
  const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]!);
  expect(nonce).toBeDefined();
  expect(nonceOf(second.headers()["content-security-policy"]!)).not.toBe(nonce);
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(scripts.filter((tag) => / src="/.test(tag) && /integrity="sha256-/.test(tag)).length).toBeGreaterThan(0);
});

test("production mode has no development mailbox and takes the request id of its trusted proxy", async () => {
  const api = await http.newContext({ baseURL: production.productionUrl });
  expect((await api.get("/courriels")).status()).toBe(404);
  const proxied = await api.get("/api/health/live", { headers: { "X-Request-Id": "proxy-4f1c2b9a8d7e6f50" } });
  expect(proxied.headers()["x-request-id"]).toBe("proxy-4f1c2b9a8d7e6f50");
  // Without a trusted proxy the header is the client's: ignored, a new id is made.
  const direct = await (await http.newContext({ baseURL: bare })).get("/api/health/live", { headers: { "X-Request-Id": "client-4f1c2b9a8d7e6f50" } });
  expect(direct.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("liveness and readiness answer apart", async () => {
  const api = await http.newContext({ baseURL: production.productionUrl });
  expect(await (await api.get("/api/health/live")).json()).toEqual({ status: "ok" });
  expect(await (await api.get("/api/health/ready")).json()).toEqual({ status: "ok" });
});

test("after a journey, the metrics show its requests, sign-in failures and whitelist answers; traces reach the collector", async ({ page }) => {
  // A journey in the production instance: sign in, then a few pages. The fixture fails it on any CSP violation.
  await page.goto(`${production.productionUrl}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(member.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/editeur$/);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace éditeur" }).click();
  await page.getByRole("link", { name: "Services numériques" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // A wrong password (from an address of its own, the proxy says) and an unauthenticated gateway call.
  const api = await http.newContext({ baseURL: production.productionUrl, extraHTTPHeaders: { Origin: production.productionUrl, "X-Forwarded-For": someAddress() } });
  expect((await api.post("/api/connexion", { data: { email: member.email, password: "pas le bon mot de passe" } })).status()).toBe(401);
  expect((await api.get("/api/v1/whitelist")).status()).toBe(401);
  // A token-bearing path: its token must reach neither the logs nor the traces.
  await api.get("/signature/jeton-de-trace-4f1c2b9a8d7e6f50a1b2");

  expect((await api.get("/api/metrics")).status()).toBe(401);
  expect((await api.get("/api/metrics", { headers: { Authorization: "Bearer pas-le-bon-jeton-pas-le-bon-jeton" } })).status()).toBe(401);
  expect((await (await http.newContext({ baseURL: bare })).get("/api/metrics")).status()).toBe(404);
  const scrape = await api.get("/api/metrics", { headers: { Authorization: `Bearer ${production.metricsToken}` } });
  expect(scrape.status()).toBe(200);
  expect(scrape.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await scrape.text();
  expect(metricValue(text, "portal_http_request_duration_seconds_count", { route: "/connexion", method: "GET", status: "200" })).toBeGreaterThan(0);
  expect(metricValue(text, "portal_http_request_duration_seconds_count", { route: "/editeur/services" })).toBeGreaterThan(0);
  expect(metricValue(text, "portal_http_request_duration_seconds_count", { route: "/signature/[token]" })).toBeGreaterThan(0);
  expect(metricValue(text, "portal_sign_in_failures_total", { reason: "invalid_credentials" })).toBeGreaterThan(0);
  expect(metricValue(text, "portal_whitelist_api_responses_total", { status: "401" })).toBeGreaterThan(0);
  expect(metricValue(text, "portal_db_pool_connections", { state: "open" })).toBeGreaterThan(0);
  expect(text).toContain('portal_mail_messages{status="pending"}');
  expect(text).toContain("portal_mail_failed_last_24h");
  expect(text).toMatch(/^portal_jobs_oldest_waiting_seconds \d+$/m);
  expect(text).not.toContain("jeton-de-trace");

  await expect
    .poll(async () => ((await (await fetch(`${production.collectorUrl}/received`)).json()) as { text: string }).text, { timeout: 20_000 })
    .toContain("/editeur/services");
  const traces = ((await (await fetch(`${production.collectorUrl}/received`)).json()) as { text: string }).text;
  expect(traces).toContain("ror-espace-confiance-e2e");
  expect(traces).not.toContain("jeton-de-trace");
});
