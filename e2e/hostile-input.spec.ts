import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInAndLand } from "./support/session";

// Odd input never gives a 500: every route of app/ (listed from the folder when the test runs, so a new route is
// swept without anyone adding it here) is called through Playwright's request API with hostile values in its
// dynamic segments and in every query parameter the portal reads: NUL bytes, invalid UTF-8, ids that are not UUIDs,
// dot segments. Anonymous, as an editor and as an ANS administrator. Each answer must be a success, a redirect, or a
// 4xx in French; never a 5xx. Then a cross-origin server-action POST and hostile bodies on the POST endpoints.

const appDirectory = path.join(process.cwd(), "app");

type Route = { pattern: string; kind: "page" | "route"; methods: string[]; segments: number };

/** Every page and route handler under app/, as URL patterns: "/editeur/services/[serviceId]/platines". */
function routesOfApp(): Route[] {
  const routes: Route[] = [];
  const walk = (directory: string, parts: string[]) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        // Route groups "(name)" add nothing to the URL.
        walk(full, /^\(.*\)$/.test(entry.name) ? parts : [...parts, entry.name]);
        continue;
      }
      const pattern = `/${parts.join("/")}`;
      const segments = parts.filter((p) => p.startsWith("[")).length;
      if (entry.name === "page.tsx") routes.push({ pattern, kind: "page", methods: ["GET"], segments });
      if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (async )?function ${m}\\b|export const \\{[^}]*\\b${m}\\b`).test(source));
        routes.push({ pattern, kind: "route", methods, segments });
      }
    }
  };
  walk(appDirectory, []);
  return routes;
}

/** Values for a dynamic segment, already encoded for the path. */
const HOSTILE_SEGMENTS = ["%ff", "%00", "pas-un-uuid", "%c3%28", "00000000-0000-0000-0000-000000000000", "..%2f..%2fetc%2fpasswd", "a".repeat(600), "%e2%80%ae%00"];
/** Every query parameter the portal's pages and exports read, with hostile values. */
const QUERY_NAMES = ["q", "type", "du", "au", "organisation", "acteur", "statut", "environnement", "profil", "page", "expiration", "retour", "fait", "valide", "ajoutee", "retiree", "tri", "file", "cree", "depose", "bienvenue"];
const HOSTILE_VALUES = ["%00", "%ff", "-1", "99999999999999999999", "%3Cscript%3E", "2026-02-31"];

function urlsOf(route: Route): string[] {
  const withSegments = (value: string) => route.pattern.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, value);
  const bases = route.segments === 0 ? [route.pattern] : HOSTILE_SEGMENTS.map(withSegments);
  const queries = HOSTILE_VALUES.map((value) => QUERY_NAMES.map((name) => `${name}=${value}`).join("&"));
  // Every base once bare, and the first base with each hostile query.
  return [...bases, ...queries.map((query) => `${bases[0]}?${query}`), `${bases[0]}?q=%00&q=%ff&page=%00`];
}

const FRENCH = /[àâçéèêëîïôûùü]|introuvable|connexion|refus|invalide|interdit|requête|accès|autoris/i;

/** What is wrong with an answer to hostile input, or null when it is a success, a redirect or a 4xx in French. */
async function problemOf(response: APIResponse, what: string): Promise<string | null> {
  const status = response.status();
  if (status >= 500) return `${what} answered ${status}`;
  if (status < 400) return null;
  const type = response.headers()["content-type"] ?? "";
  const body = await response.text();
  if (type.includes("text/html")) {
    // A page that calls notFound() or forbidden() is sent as Next's error shell (no lang attribute), which the
    // browser fills with our French page from the payload: the French heading must be there.
    const frenchShell = body.includes('id="__next_error__"') && /Page introuvable|Accès refusé/.test(body);
    if (!body.includes('lang="fr"') && !frenchShell) return `${what}: ${status} page not in French: « ${body.slice(0, 120)} »`;
    if (/This page could not be found|Internal Server Error|Application error/.test(body)) return `${what}: ${status} default English error page`;
    return null;
  }
  return FRENCH.test(body) ? null : `${what}: ${status} not in French: « ${body.slice(0, 80)} »`;
}

async function expectFrenchAnswer(response: APIResponse, what: string) {
  expect(await problemOf(response, what)).toBeNull();
}

/** Every hostile URL of every route, all the problems found at once (the message lists them, one a line). */
async function sweep(request: APIRequestContext, routes: Route[], who: string) {
  const problems: string[] = [];
  for (const route of routes) {
    if (!route.methods.includes("GET")) continue;
    for (const url of urlsOf(route)) {
      const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      const problem = await problemOf(response, `${who} GET ${url.slice(0, 160)}`);
      if (problem) problems.push(problem);
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

async function signedIn(page: Page, email: string, landing: string) {
  await signInAndLand(page, email, landing);
  return page.request;
}

const routes = routesOfApp();

test("the routes of app/ are found, pages and route handlers", () => {
  const patterns = routes.map((r) => r.pattern);
  expect(patterns).toEqual(expect.arrayContaining(["/", "/signature/[token]", "/invitation/[token]", "/editeur/services/[serviceId]/certificats", "/api/administration/journal.csv"]));
  expect(routes.find((r) => r.pattern === "/api/connexion")?.methods).toEqual(["POST"]);
  expect(routes.length).toBeGreaterThan(50);
});

test("hostile paths and query strings answer in French, never 500: anonymous", async ({ request }) => {
  test.setTimeout(300_000);
  await sweep(request, routes, "anonymous");
});

test("hostile paths and query strings answer in French, never 500: an editor", async ({ page }) => {
  test.setTimeout(300_000);
  await sweep(await signedIn(page, "equipe@editeur-demo.fr", "/editeur"), routes, "editor");
});

test("hostile paths and query strings answer in French, never 500: an ANS administrator", async ({ page }) => {
  test.setTimeout(300_000);
  await sweep(await signedIn(page, "admin@ans-demo.fr", "/instruction"), routes, "administrator");
});

test("a server action posted from another origin is refused in French; an unknown action never gives a 500", async ({ page }) => {
  const request = await signedIn(page, "equipe@editeur-demo.fr", "/editeur");
  const base = new URL(page.url()).origin;
  const post = (origin: string, action: string) =>
    request.post("/editeur/organisation", {
      headers: { Origin: origin, "Next-Action": action, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: '["$K1"]',
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  for (const origin of ["https://attaquant.example", "null"]) {
    const response = await post(origin, "7f0000000000000000000000000000000000000000");
    expect(response.status(), origin).toBe(403);
    await expectFrenchAnswer(response, `server action from ${origin}`);
  }
  // From the portal itself, an action id that does not exist: Next's own protocol answer, which its client reads.
  for (const action of ["7f0000000000000000000000000000000000000000", "%00"]) {
    expect((await post(base, action)).status(), action).toBeLessThan(500);
  }
});

test("hostile bodies on the POST endpoints answer in French, never 500", async ({ request }) => {
  const problems: string[] = [];
  for (const route of routes.filter((r) => r.methods.includes("POST"))) {
    const url = route.pattern;
    for (const [type, data] of [
      ["application/json", '{"email":"\u0000","password":"\u0000"}'],
      ["application/json", "{pas du json"],
      ["application/x-www-form-urlencoded", "email=%00&password=%ff"],
      ["multipart/form-data; boundary=X", "--X\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n\u0000\r\n--X"],
      ["text/plain", "\u0000".repeat(100)],
    ] as const) {
      const response = await request.post(url, { headers: { "Content-Type": type }, data, maxRedirects: 0, failOnStatusCode: false });
      const problem = await problemOf(response, `POST ${url} (${type})`);
      if (problem) problems.push(problem);
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("the journal past its last page says so and links the last page", async ({ page }) => {
  await signInAndLand(page, "admin@ans-demo.fr", "/instruction");
  await page.goto("/administration/journal?page=999999");
  await expect(page.getByText(/^La page [\d\s\u202f]+ n'existe pas$/)).toBeVisible();
  await expect(page.getByText("Aucun événement ne correspond à ces filtres.")).toHaveCount(0);
  await page.getByRole("link", { name: /^Aller à la dernière page/ }).click();
  await expect(page.getByRole("table", { name: /événements?, les plus récents d'abord — page \d+ sur \d+/ })).toBeVisible();
});
