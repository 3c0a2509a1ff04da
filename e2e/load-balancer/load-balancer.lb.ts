// Through Debian's nginx with deploy/nginx/ror-portal.conf, over TLS, in front of two production instances on one
// database (scripts/load-balancer-server.ts, ADR 0055). The journeys run in order: the last one stops an instance.
import { readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { SIGN_IN_LIMITS } from "../../lib/auth/sign-in-limit";
import { loadBalancerPorts, loadBalancerRunDir } from "../../lib/testing/load-balancer-run";
import { leakedSecrets } from "../../lib/testing/log-audit";
import { DEMO_PASSWORD } from "../../scripts/demo/demo-accounts";
import { signInAndLand } from "../support/session";
import { expect, test } from "../support/test";

const ports = loadBalancerPorts();
const publicUrl = `https://localhost:${ports.https}`;
const control = `http://127.0.0.1:${ports.control}`;
const runDir = loadBalancerRunDir(ports.https);

type RequestLine = { method: string; route: string; status: number };

/** The request lines instance 0 or 1 wrote, from its JSON log. */
function requestsOf(instance: 0 | 1): RequestLine[] {
  return readFileSync(path.join(runDir, `instance-${instance === 0 ? "a" : "b"}.log`), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { message?: string; method?: string; route?: string; status?: number })
    .filter((line) => line.message === "requête")
    .map((line) => ({ method: line.method!, route: line.route!, status: line.status! }));
}

type DeliveredMail = { to: string[]; headers: string };

async function deliveredMail(): Promise<DeliveredMail[]> {
  return (await (await fetch(`${control}/mail`)).json()) as DeliveredMail[];
}

/** Messages delivered to `to` whose (encoded) subject contains `subject`. */
async function delivered(to: string, subject: string): Promise<number> {
  return (await deliveredMail()).filter((m) => m.to.includes(to) && /^Subject:.*$/im.exec(m.headers)?.[0].includes(subject)).length;
}

test.describe.configure({ mode: "serial" });

test("http redirects to https, and the metrics are not published through the proxy", async () => {
  const api = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  const redirect = await api.get(`http://localhost:${ports.http}/connexion`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers().location).toBe(`https://localhost/connexion`);
  expect((await api.get(`${publicUrl}/api/metrics`)).status()).toBe(404);
  const ready = await api.get(`${publicUrl}/api/health/ready`);
  expect(ready.status()).toBe(200);
  // The portal's own headers pass through nginx, and nginx's request id reaches the portal, which returns it.
  expect(ready.headers()["strict-transport-security"]).toBeTruthy();
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  await api.dispose();
});

test("the sign-in limit holds across the instances, on the address nginx saw, whatever X-Forwarded-For says", async () => {
  const api = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  const email = `limite-${Date.now()}@exemple.fr`;
  const before = requestsOf(0).length + requestsOf(1).length;
  const attempt = async (index: number) =>
    api.post(`${publicUrl}/api/connexion`, {
      // A client writes an address of its choice: nginx appends the one it saw, the only entry the portal reads.
      headers: { origin: publicUrl, "x-forwarded-for": `203.0.113.${index + 1}` },
      data: { email, password: "mauvais mot de passe" },
    });
  for (let i = 0; i < SIGN_IN_LIMITS.freeFailuresPerPair; i++) expect((await attempt(i)).status()).toBe(401);
  const refused = await attempt(SIGN_IN_LIMITS.freeFailuresPerPair);
  expect(refused.status()).toBe(429);
  expect(((await refused.json()) as { formError: string }).formError).toMatch(/Trop d'échecs de connexion pour ce compte depuis votre adresse réseau/);
  // Both instances answered some of these attempts: the counts live in PostgreSQL.
  const signIns = (instance: 0 | 1) => requestsOf(instance).filter((r) => r.route === "/api/connexion").length;
  expect(signIns(0)).toBeGreaterThan(0);
  expect(signIns(1)).toBeGreaterThan(0);
  expect(requestsOf(0).length + requestsOf(1).length).toBeGreaterThan(before);
  await api.dispose();
});

test("a mail queued through either instance is delivered once, by one of the two workers", async ({ page }) => {
  const email = "representant@editeur-demo.fr";
  await page.goto("/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de réinitialisation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Si un compte utilise cette adresse" })).toBeVisible();
  // "Réinitialisation de votre mot de passe", as the subject is encoded (RFC 2047).
  await expect.poll(() => delivered(email, "initialisation"), { timeout: 30_000 }).toBe(1);
  // Both workers poll the same queue: a second delivery would show within their polling interval.
  await page.waitForTimeout(3_000);
  expect(await delivered(email, "initialisation")).toBe(1);
  // Nor was any other message of the run (the demo data queues some) delivered twice.
  const ids = (await deliveredMail()).map((m) => /^Message-ID:\s*(.*)$/im.exec(m.headers)?.[1]);
  expect(ids.length).toBeGreaterThan(1);
  expect(new Set(ids).size).toBe(ids.length);
});

test("an instance stops in the middle of a journey: it ends on the other, signed in, with nothing lost", async ({ page }) => {
  await signInAndLand(page, "equipe@editeur-demo.fr", "/editeur");
  await page.goto("/editeur/services/nouveau");
  await expect(page.getByRole("heading", { level: 1, name: "Déclarer un service numérique" })).toBeVisible();
  const serviceName = `Répartition ${Date.now()}`;
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Répartiteur Santé");
  await page.getByLabel(/^Version du logiciel/).fill("1.0.0");
  await page.getByLabel(/^Description du service/).fill("Un service déclaré pendant un redémarrage.");
  // Both instances served this browser so far (round robin): the session works on either.
  expect(requestsOf(0).some((r) => r.route.startsWith("/editeur"))).toBe(true);
  expect(requestsOf(1).some((r) => r.route.startsWith("/editeur"))).toBe(true);

  // Half-way through the form, the first instance stops (SIGTERM, as systemd stops it in a rolling restart).
  const stopped = (await (await fetch(`${control}/instances/0/stop`, { method: "POST" })).json()) as { code: number | null };
  expect(stopped.code).toBe(0);
  const servedByA = requestsOf(0).length;
  const servedByBBefore = requestsOf(1).length;

  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les équipes de coordination.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 2/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Elles consultent l'offre de soins.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page).toHaveURL(/\/editeur\/services\/[0-9a-f-]{36}\?cree=1$/);
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
  await expect(page.getByText("Le service est déclaré")).toBeVisible();

  // Still signed in, on the other instance alone; the service is there after a reload.
  await page.goto("/editeur/services");
  await expect(page.getByRole("link", { name: serviceName })).toBeVisible();
  await expect(page.getByText(/indisponible|erreur/i)).toHaveCount(0);
  expect(requestsOf(0).length).toBe(servedByA);
  const after = requestsOf(1).slice(servedByBBefore);
  expect(after.some((r) => r.method === "POST" && r.route.startsWith("/editeur/services"))).toBe(true);
  expect(after.filter((r) => r.status >= 500)).toEqual([]);
  // The stopped instance left no request unanswered.
  expect(requestsOf(0).filter((r) => r.status >= 500 || r.status === 499)).toEqual([]);
  // nginx did try the stopped instance once, found its connection refused, and sent that request to the other one
  // (passive health check, ADR 0055): in its log, the two instances and their statuses.
  const [a, b] = ports.instances.map((port) => `127.0.0.1:${port}`);
  const access = readFileSync(path.join(runDir, "nginx", "ror-portal.access.log"), "utf8");
  expect(access).toContain(`upstream=${a}, ${b} upstream_status=502, 200`);
  // The logs hold no password, session token or configured secret, and nginx's no URI (ADR 0025).
  const sessions = (await page.context().cookies()).filter((c) => c.name.includes("authjs.session-token")).map((c) => c.value);
  expect(sessions.length).toBeGreaterThan(0);
  const { configuredSecrets } = JSON.parse(readFileSync(path.join(runDir, "run.json"), "utf8")) as { configuredSecrets: string[] };
  const logs = ["instance-a.log", "instance-b.log", "nginx/ror-portal.access.log", "nginx/ror-portal.error.log"]
    .map((name) => readFileSync(path.join(runDir, name), "utf8"))
    .join("\n");
  expect(leakedSecrets(logs, [DEMO_PASSWORD, ...sessions, ...configuredSecrets])).toEqual([]);
  expect(access).not.toMatch(/\/editeur|\/connexion|\/_next/);
  // No error in either instance's log (Next's server-action redirects fetch the page from the instance itself, in
  // plain HTTP, not through the https that X-Forwarded-Proto says).
  for (const name of ["a", "b"]) {
    const log = readFileSync(path.join(runDir, `instance-${name}.log`), "utf8");
    expect(log).not.toContain("failed to get redirect response");
    expect(log).not.toContain('"level":"error"');
  }
});

test("with no instance left, nginx answers in French, 503 with Retry-After", async () => {
  await fetch(`${control}/instances/1/stop`, { method: "POST" });
  const api = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  const answer = await api.get(`${publicUrl}/connexion`);
  expect(answer.status()).toBe(503);
  expect(answer.headers()["retry-after"]).toBe("30");
  expect(await answer.text()).toContain("Service momentanément indisponible");
  await api.dispose();
});
