import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { submitProfile0Dossier } from "./support/review-setup";
import { signIn, signInAndLand } from "./support/session";

// Issue 7, as people do it: an administrator creates an API token for the gateway; a reviewer approves a new
// editor's dossier, then changes its level-2 quota, suspends and reinstates the enrolment from the whitelist; the
// gateway's machine API (GET /api/v1/whitelist, called here with Playwright's `request`) follows each step.

const ADMIN = "admin@ans-demo.fr";
const REVIEWER = "instructeur@ans-demo.fr";
const WHITELIST = "/api/v1/whitelist";

type ExportEntry = {
  enrolmentId: string;
  status: string;
  environment: string;
  service: { id: string; name: string };
  organisation: { name: string; siret: string };
  urls: string[];
  accessProfile: { code: string; label: string };
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
  certificates: unknown[];
};
type ExportDocument = { generatedAt: string; version: number; level1: { perApiPerSecond: number }; entries: ExportEntry[] };

const mainNavigation = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

/** The administrator creates a named token on /administration/jetons and copies it from the one-time display. */
async function createToken(browser: Browser, name: string): Promise<{ admin: Page; token: string }> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await expect(admin).toHaveURL(/\/instruction|\/administration/);
  await mainNavigation(admin).getByRole("link", { name: "Administration" }).click();
  await admin.getByRole("link", { name: "Jetons d'API de la passerelle" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Jetons d'API de la passerelle" })).toBeVisible();
  await admin.getByLabel(/^Nom du jeton/).fill(name);
  await admin.getByRole("button", { name: "Créer le jeton" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Jeton « ${name} » créé` })).toContainText("il ne sera plus jamais affiché");
  const token = await admin.getByLabel("Jeton d'API", { exact: true }).inputValue();
  expect(token).toMatch(/^rorwl_[A-Za-z0-9_-]{43}$/);
  // Only its beginning is listed; the token itself is not in the table.
  const row = admin.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).not.toContainText(token);
  await expect(row).toContainText("Jamais");
  return { admin, token };
}

function fetchWhitelist(request: APIRequestContext, token: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  return request.get(WHITELIST, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

async function exportNow(request: APIRequestContext, token: string): Promise<{ etag: string; document: ExportDocument }> {
  const response = await fetchWhitelist(request, token);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const etag = response.headers()["etag"];
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+\.json"$/);
  const document = (await response.json()) as ExportDocument;
  expect(Date.parse(document.generatedAt)).not.toBeNaN();
  return { etag: etag!, document };
}

const entryOf = (document: ExportDocument, enrolmentId: string) => document.entries.filter((e) => e.enrolmentId === enrolmentId);

/** The reviewer finds the service's dossier in the queue by a search, and opens it. */
async function openDossierFromQueue(reviewer: Page, serviceName: string) {
  await mainNavigation(reviewer).getByRole("link", { name: "Instruction des dossiers" }).click();
  await reviewer.getByRole("searchbox", { name: "Rechercher" }).fill(serviceName);
  await reviewer.getByRole("button", { name: "Appliquer" }).click();
  await reviewer.getByRole("link", { name: serviceName, exact: true }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Dossier : ${serviceName}` })).toBeVisible();
}

/** From the main navigation to the whitelist, a search by service name, and the enrolment's page. */
async function openEnrolmentFromWhitelist(reviewer: Page, serviceName: string): Promise<string> {
  await mainNavigation(reviewer).getByRole("link", { name: "Liste blanche" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Liste blanche de l'espace de confiance" })).toBeVisible();
  await reviewer.getByRole("search", { name: "Filtrer la liste blanche" }).getByLabel("Rechercher").fill(serviceName);
  await reviewer.getByRole("button", { name: "Filtrer" }).click();
  await expect(reviewer.getByRole("heading", { level: 2, name: "1 habilitation" })).toBeVisible();
  const row = reviewer.getByRole("table", { name: /Liste blanche/ }).getByRole("row", { name: new RegExp(serviceName) });
  await expect(row).toContainText("Authentifiées : 10");
  await expect(row).toContainText("Publiques : 5");
  await expect(row).toContainText("https://test.revue.exemple.fr/ror");
  await expectAccessible(reviewer);
  await row.getByRole("link", { name: `${serviceName} (Test)` }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Habilitation : ${serviceName}` })).toBeVisible();
  const enrolmentId = new URL(reviewer.url()).pathname.split("/").pop()!;
  expect(enrolmentId).not.toBe("");
  return decodeURIComponent(enrolmentId);
}

test("the gateway's export follows an approval, a quota change, a suspension and a reinstatement", async ({ browser, request }) => {
  test.setTimeout(240_000);

  // ── The administrator creates the gateway's token ──
  const tokenName = `Passerelle de recette ${Date.now()}`;
  const { admin, token } = await createToken(browser, tokenName);
  await expectAccessible(admin);
  await mainNavigation(admin).getByRole("link", { name: "Administration" }).click();
  await admin.getByRole("link", { name: "Quota de niveau 1 par API" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Quota de niveau 1" })).toBeVisible();
  await expect(admin.getByLabel(/^Appels par seconde sur chaque API du ROR/)).toHaveValue(/^\d+$/);
  await expectAccessible(admin);

  // ── A new editor submits a profile-0 dossier; not in the whitelist before approval ──
  const dossier = await submitProfile0Dossier(browser, "liste");
  const before = await exportNow(request, token);
  expect(before.document.entries.some((e) => e.service.name === dossier.serviceName)).toBe(false);

  // ── The reviewer approves it with the requested profile and its default quotas ──
  const reviewer = await (await browser.newContext()).newPage();
  await signInAndLand(reviewer, REVIEWER, "/instruction");
  await openDossierFromQueue(reviewer, dossier.serviceName);
  await reviewer.getByText("Approuver le dossier", { exact: true }).click();
  await expect(reviewer.getByLabel(/^Profil d'accès accordé/)).toHaveValue(/.+/);
  await expect(reviewer.getByLabel(/^Appels par seconde sur une API authentifiée/)).toHaveValue("10");
  await expect(reviewer.getByLabel(/^Appels par seconde sur une API publique/)).toHaveValue("5");
  await reviewer.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
  await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();

  // ── The reviewer finds the enrolment in the whitelist ──
  const enrolmentId = await openEnrolmentFromWhitelist(reviewer, dossier.serviceName);
  await expect(reviewer.getByText("10 appels par seconde sur les API authentifiées, 5 sur les API publiques (valeurs du profil)")).toBeVisible();
  await expectAccessible(reviewer);

  // ── The gateway sees the entry, with its quotas; an unchanged whitelist answers 304 ──
  const approved = await exportNow(request, token);
  expect(approved.etag).not.toBe(before.etag);
  const [entry, ...others] = entryOf(approved.document, enrolmentId);
  expect(others).toEqual([]);
  expect(entry).toMatchObject({
    status: "ACTIVE",
    environment: "TEST",
    service: { name: dossier.serviceName },
    organisation: { name: dossier.legalName, siret: dossier.siret },
    urls: ["https://test.revue.exemple.fr/ror"],
    accessProfile: { code: "0" },
    quotas: { authenticatedPerSecond: 10, publicPerSecond: 5 },
    certificates: [],
  });
  // Another spec may change the whitelist between two calls: the pair is retried until it is undisturbed.
  await expect(async () => {
    const { etag } = await exportNow(request, token);
    const unchanged = await fetchWhitelist(request, token, { "If-None-Match": etag });
    expect(unchanged.status()).toBe(304);
    expect(unchanged.headers()["etag"]).toBe(etag);
    expect(await unchanged.body()).toHaveLength(0);
  }).toPass({ timeout: 15_000 });
  const csv = await fetchWhitelist(request, token, { Accept: "text/csv" });
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(csv.headers()["etag"]).toMatch(/\.csv"$/);
  const csvLine = (await csv.text()).split("\r\n").find((line) => line.startsWith(`${enrolmentId},`));
  expect(csvLine).toContain(`,${dossier.siret},`);
  expect(csvLine).toContain(",10,5,");

  // The token's use shows on the administrator's page.
  await admin.goto("/administration/jetons");
  await expect(admin.getByRole("row", { name: new RegExp(tokenName) })).not.toContainText("Jamais");

  // ── The reviewer changes the level-2 quota, with a reason; bad values are refused first ──
  await reviewer.getByText("Modifier les quotas de niveau 2", { exact: true }).click();
  const authenticated = reviewer.getByLabel(/^API authentifiées \(appels par seconde\)/);
  const reason = reviewer.getByRole("textbox", { name: "Motif", exact: true });
  const confirmQuota = reviewer.getByLabel("Je confirme modifier les quotas de cette habilitation");
  const saveQuota = reviewer.getByRole("button", { name: "Enregistrer les quotas" });
  await authenticated.fill("0");
  await confirmQuota.check();
  await saveQuota.click();
  await expect(reviewer.getByText("Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.").first()).toBeVisible();
  await authenticated.fill("25");
  await saveQuota.click();
  await expect(reviewer.getByText("Saisissez le motif : les quotas s'écartent de ceux du profil.")).toBeVisible();
  await reason.fill("<script>alert(1)</script>");
  await saveQuota.click();
  await expect(reviewer.getByText("Le motif ne peut pas contenir les caractères < et >.")).toBeVisible();
  await reason.fill("Campagne de prise de rendez-vous : pic d'appels attendu.");
  await saveQuota.click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Les quotas ont été modifiés ; la liste blanche les applique dès maintenant." })).toBeVisible();
  await expect(
    reviewer.getByText("25 appels par seconde sur les API authentifiées, 5 sur les API publiques — motif : Campagne de prise de rendez-vous : pic d'appels attendu."),
  ).toBeVisible();
  await expect(reviewer.getByRole("row", { name: /Quotas de niveau 2 modifiés/ })).toContainText("25 authentifiées, 5 publiques");

  const requoted = await exportNow(request, token);
  expect(requoted.etag).not.toBe(approved.etag);
  expect(entryOf(requoted.document, enrolmentId)).toEqual([{ ...entry, quotas: { authenticatedPerSecond: 25, publicPerSecond: 5 } }]);
  // The gateway's cached copy is stale: its old ETag gets the whole new document.
  const stale = await fetchWhitelist(request, token, { "If-None-Match": approved.etag });
  expect(stale.status()).toBe(200);

  // ── Suspension: the entry leaves the export at once ──
  await reviewer.getByText("Suspendre l'habilitation", { exact: true }).click();
  await reviewer.getByLabel(/^Motif de la suspension/).fill("Appels hors du périmètre du profil accordé.");
  await reviewer.getByLabel(/^Je confirme suspendre cette habilitation/).check();
  await reviewer.getByRole("button", { name: "Suspendre", exact: true }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "L'habilitation est suspendue ; elle ne figure plus dans la liste blanche." })).toBeVisible();
  await expect(reviewer.getByText("Suspendue — motif : Appels hors du périmètre du profil accordé.")).toBeVisible();
  await expectAccessible(reviewer);

  const suspended = await exportNow(request, token);
  expect(suspended.etag).not.toBe(requoted.etag);
  expect(entryOf(suspended.document, enrolmentId)).toEqual([]);

  // ── Reinstatement: back in the export, with the quota set before ──
  await reviewer.getByText("Rétablir l'habilitation", { exact: true }).click();
  await reviewer.getByLabel(/^Je confirme rétablir cette habilitation/).check();
  await reviewer.getByRole("button", { name: "Rétablir", exact: true }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "L'habilitation est rétablie ; elle figure de nouveau dans la liste blanche." })).toBeVisible();
  const history = reviewer.getByRole("table", { name: /Historique de l'habilitation/ });
  for (const event of ["Habilitation accordée", "Quotas de niveau 2 modifiés", "Suspendue", "Rétablie"]) {
    await expect(history.getByRole("row", { name: new RegExp(event) })).toContainText("Hélène Girard");
  }

  const reinstated = await exportNow(request, token);
  expect(reinstated.etag).not.toBe(suspended.etag);
  expect(entryOf(reinstated.document, enrolmentId)).toEqual([{ ...entry, quotas: { authenticatedPerSecond: 25, publicPerSecond: 5 } }]);

  // ── The gateway configuration page, and the editor's own view of its entry ──
  await reviewer.goto("/instruction/liste-blanche");
  await reviewer.getByRole("link", { name: "Télécharger la configuration de la passerelle" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Configuration de la passerelle" })).toBeVisible();
  await expectAccessible(reviewer);

  const editor = dossier.editor;
  await mainNavigation(editor).getByRole("link", { name: "Liste blanche" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Mes services dans la liste blanche" })).toBeVisible();
  const own = editor.getByRole("row", { name: new RegExp(dossier.serviceName) });
  await expect(own).toContainText("Authentifiées : 25");
  await expect(own).toContainText("En vigueur");
  await expect(editor.getByRole("link", { name: new RegExp(dossier.serviceName) })).toHaveCount(0);
  await expectAccessible(editor);

  await admin.context().close();
  await reviewer.context().close();
  await editor.context().close();
});

test("the machine API refuses a call without a token, with a wrong one, and with a revoked one (401)", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const tokenName = `Passerelle à révoquer ${Date.now()}`;
  const { admin, token } = await createToken(browser, tokenName);

  const refusedWith = async (headers: Record<string, string>) => {
    const response = await request.get(WHITELIST, { headers });
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toBe("Bearer");
    expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.headers()["etag"]).toBeUndefined();
    const body = (await response.json()) as { status: number; entries?: unknown };
    expect(body.status).toBe(401);
    expect(body.entries).toBeUndefined();
  };
  await refusedWith({});
  await refusedWith({ Authorization: "Bearer" });
  await refusedWith({ Authorization: `Bearer rorwl_${"A".repeat(43)}` });
  await refusedWith({ Authorization: `Bearer ${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` });
  await refusedWith({ Authorization: `Basic ${Buffer.from(`gateway:${token}`).toString("base64")}` });

  // The right token works, until the administrator revokes it.
  expect((await fetchWhitelist(request, token)).status()).toBe(200);
  const row = admin.getByRole("row", { name: new RegExp(tokenName) });
  await row.getByRole("button", { name: `Révoquer le jeton ${tokenName}` }).click();
  await admin.getByRole("group", { name: `Confirmer la révocation du jeton ${tokenName}` }).getByRole("button", { name: "Confirmer la révocation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Les appels faits avec ce jeton sont désormais refusés." })).toBeVisible();
  await expect(admin.getByRole("row", { name: new RegExp(tokenName) })).toContainText("Révoqué le");
  await expectAccessible(admin);
  await refusedWith({ Authorization: `Bearer ${token}` });
  await admin.context().close();
});
