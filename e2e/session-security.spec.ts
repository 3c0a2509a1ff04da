import { request as http, type APIRequestContext } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";
import { expect, test } from "./support/test";
import { pairDelaySeconds, SIGN_IN_LIMITS } from "../lib/auth/sign-in-limit";
import { DEMO_PASSWORD, demoAccounts } from "../scripts/demo/demo-accounts";
import { expectAccessible } from "./support/accessibility";
import { uniqueEmail } from "./support/identifiers";
import { signInAndLand } from "./support/session";

// Sessions that really end, sign-in limits that cannot be turned against users, a client address nobody can forge,
// safe return paths, and a development mailbox that is never public (issue 14, ADR 0015 and 0016).
// scripts/e2e-server.ts: the first instance trusts no proxy; the second trusts one, so a spec can present
// distinct client addresses there with X-Forwarded-For without tripping the per-address limit of 127.0.0.1.

const port = Number(process.env.E2E_PORT ?? "3100");
const bare = `http://localhost:${port}`;
const behindProxy = `http://localhost:${port + 1}`;
const admin = demoAccounts.find((a) => a.roles.includes("ANS_ADMIN"))!;
const reviewer = demoAccounts.find((a) => a.roles.includes("ANS_REVIEWER"))!;
const member = demoAccounts.find((a) => a.roles.includes("EDITOR") && !a.legalRepresentative)!;

/** A plain HTTP client: no browser, no cookie jar beyond what we give it. */
function client(baseURL: string, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return http.newContext({ baseURL, extraHTTPHeaders: headers });
}

/** A plain HTTP client that signs in as the portal's own form would: same Origin, JSON body. */
function apiFor(baseURL: string): Promise<APIRequestContext> {
  return client(baseURL, { Origin: baseURL });
}

function postSignIn(api: APIRequestContext, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api.post("/api/connexion", { data: body, headers });
}

test.beforeAll(async () => {
  await expect
    .poll(async () => (await fetch(`${behindProxy}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
});

test("a session cookie copied before sign-out opens nothing afterwards, even for a plain HTTP client", async ({ page, context }) => {
  await signInAndLand(page, admin.email, "/instruction");
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie, "the session cookie").toBeDefined();
  const thief = await client(bare, { Cookie: `authjs.session-token=${cookie!.value}` });

  const before = await thief.get("/administration");
  expect(before.status()).toBe(200);
  expect(await before.text()).toContain("Derniers événements");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté")).toBeVisible();

  const after = await thief.get("/administration");
  expect(after.url()).toMatch(/\/connexion\?retour=%2Fadministration$/);
  const html = await after.text();
  expect(html).toContain("Se connecter");
  expect(html).not.toContain("Derniers événements");
  // next-auth's own session endpoint agrees: no session.
  expect(await (await thief.get("/api/auth/session")).json()).toBeNull();
  await thief.dispose();
});

test("100 failures for one account from 100 forged addresses, then the owner gets in at once from another", async ({ page }) => {
  const attacker = await apiFor(behindProxy);
  for (let batch = 0; batch < 10; batch++) {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postSignIn(attacker, { email: member.email, password: "mauvais mot de passe" }, { "X-Forwarded-For": `203.0.113.${batch * 10 + i + 1}` }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status()).toBe(401);
      expect((await answer.json()).formError).toBe("Adresse e-mail ou mot de passe incorrect.");
    }
  }
  await attacker.dispose();
  await signInAndLand(page, member.email, "/editeur");
});

test("forged X-Forwarded-For and peer-address headers do not change the address a bare portal counts", async () => {
  const email = uniqueEmail("forge");
  const api = await apiFor(bare);
  for (let i = 0; i < SIGN_IN_LIMITS.freeFailuresPerPair; i++) {
    const forged = { "X-Forwarded-For": `198.51.100.${i + 1}`, "X-ROR-Peer-Address": `192.0.2.${i + 1}` };
    expect((await postSignIn(api, { email, password: "mauvais mot de passe" }, forged)).status()).toBe(401);
  }
  const next = await postSignIn(api, { email, password: "mauvais mot de passe" }, { "X-Forwarded-For": "198.51.100.99", "X-ROR-Peer-Address": "192.0.2.99" });
  expect(next.status()).toBe(429);
  expect(Number(next.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect((await next.json()).formError).toMatch(/^Trop d'échecs de connexion pour ce compte depuis votre adresse réseau\. Réessayez dans \d+ secondes?\.$/);
  await api.dispose();
});

/** The most attempts of one pair the limits let through within `elapsedMs` of the burst's start. */
function maxEvaluated(elapsedMs: number): number {
  let evaluated = SIGN_IN_LIMITS.freeFailuresPerPair;
  let at = 0;
  for (;;) {
    at += pairDelaySeconds(evaluated) * 1000;
    if (at > elapsedMs) return evaluated;
    evaluated++;
  }
}

test("40 concurrent wrong passwords: no more are evaluated than the limit allows, the rest answer 429", async () => {
  const email = uniqueEmail("rafale");
  const api = await apiFor(behindProxy);
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 40 }, () => postSignIn(api, { email, password: "mauvais mot de passe" }, { "X-Forwarded-For": "203.0.113.200" })),
  );
  const elapsed = Date.now() - started;
  const statuses = answers.map((a) => a.status());
  const evaluated = statuses.filter((s) => s === 401).length;
  expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  expect(evaluated).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.freeFailuresPerPair);
  expect(evaluated, `evaluated within ${elapsed} ms`).toBeLessThanOrEqual(maxEvaluated(elapsed));
  await api.dispose();
});

test("100 failures from one address answer 429 to that address only, in French, in the form too", async ({ browser }) => {
  const blocked = "203.0.113.150";
  const api = await apiFor(behindProxy);
  for (let batch = 0; batch < 10; batch++) {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postSignIn(api, { email: uniqueEmail(`adresse${batch}-${i}`), password: "mauvais mot de passe" }, { "X-Forwarded-For": blocked }),
      ),
    );
    for (const answer of answers) expect(answer.status()).toBe(401);
  }
  // The right password of a real account, from that address: refused without being evaluated.
  const refused = await postSignIn(api, { email: reviewer.email, password: DEMO_PASSWORD }, { "X-Forwarded-For": blocked });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(60);
  expect((await refused.json()).formError).toMatch(/^Trop d'échecs de connexion depuis votre adresse réseau\. Réessayez dans \d+ minutes?\.$/);
  // Another address is not concerned.
  const elsewhere = await postSignIn(api, { email: reviewer.email, password: DEMO_PASSWORD }, { "X-Forwarded-For": "203.0.113.151" });
  expect(elsewhere.status()).toBe(200);
  await api.dispose();

  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": blocked } });
  const page = await context.newPage();
  await page.goto(`${behindProxy}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(reviewer.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Connexion impossible" })).toContainText("Trop d'échecs de connexion depuis votre adresse réseau.");
  await expect(page).toHaveURL(/\/connexion$/);
  await expectAccessible(page);
  await context.close();
});

test("a return path leads only to a page of this portal, whatever it contains", async ({ page }) => {
  const api = await apiFor(bare);
  const hostile = [
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "\t//evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%09/evil.example",
    "%09//evil.example",
    "https://evil.example/instruction",
    "javascript:alert(1)",
  ];
  for (const retour of hostile) {
    const answer = await postSignIn(api, { email: reviewer.email, password: DEMO_PASSWORD, retour });
    expect(answer.status(), JSON.stringify(retour)).toBe(200);
    // A reviewer passes the second-factor step first (issue 19); no hostile path survives it either.
    expect((await answer.json()).redirectTo, JSON.stringify(retour)).toBe("/compte/second-facteur/verification");
  }
  const own = await postSignIn(api, { email: reviewer.email, password: DEMO_PASSWORD, retour: `${bare}/instruction/liste-blanche?x=1` });
  expect((await own.json()).redirectTo).toBe(`/compte/second-facteur/verification?retour=${encodeURIComponent("/instruction/liste-blanche?x=1")}`);
  // A newline in the address bar's retour: the page answers, no 500.
  for (const retour of ["%0A", "/%0D%0ASet-Cookie:%20x=1", "%2F%2F%0Aevil.example", "/%E0%A4%A"]) {
    const response = await api.get(`/connexion?retour=${retour}`);
    expect(response.status(), retour).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("x=1");
  }
  await api.dispose();

  await page.goto(`/connexion?retour=${encodeURIComponent("/\t/evil.example/")}`);
  await page.getByLabel("Adresse e-mail").fill(reviewer.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await passSecondFactor(page, reviewer.email);
  await expect(page).toHaveURL(new RegExp(`^${bare}/instruction$`));
});

test("sign-in refuses cross-site and malformed requests in French, and next-auth's own door is closed", async () => {
  const api = await apiFor(bare);
  const crossSite = await api.post("/api/connexion", { data: { email: reviewer.email, password: DEMO_PASSWORD }, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).formError).toContain("Requête refusée");
  const withoutOrigin = await client(bare);
  const noOrigin = await withoutOrigin.post("/api/connexion", { data: { email: reviewer.email, password: DEMO_PASSWORD } });
  expect(noOrigin.status()).toBe(403);
  await withoutOrigin.dispose();
  const notJson = await api.post("/api/connexion", { form: { email: reviewer.email, password: DEMO_PASSWORD }, headers: { Origin: bare } });
  expect(notJson.status()).toBe(415);
  const broken = await api.post("/api/connexion", { data: "{pas du json", headers: { Origin: bare, "Content-Type": "application/json" } });
  expect(broken.status()).toBe(400);
  const empty = await postSignIn(api, { email: "", password: "" });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).fieldErrors).toEqual({ email: "Saisissez votre adresse e-mail.", password: "Saisissez votre mot de passe." });
  const csrf = await (await api.get("/api/auth/csrf")).json();
  const door = await api.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: reviewer.email, password: DEMO_PASSWORD } });
  expect(door.status()).toBe(404);
  await api.dispose();
});

test("the development mailbox exists only where MAIL_DEV_MAILBOX=on", async () => {
  const anonymous = await client(behindProxy);
  const closed = await anonymous.get("/courriels");
  expect(closed.status()).toBe(404);
  expect(await closed.text()).not.toContain("Boîte de réception");
  await anonymous.dispose();
  const demo = await client(bare);
  expect((await demo.get("/courriels")).status()).toBe(200);
  await demo.dispose();
});
