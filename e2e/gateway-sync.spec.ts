import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret } from "./support/identifiers";
import { signIn, signInAndLand } from "./support/session";
import { createTestAuthority } from "../lib/testing/test-authority";

// Issue 25, as people do it: an administrator imports the current gateway's whitelist and reads the report and the
// comparison; an administrator creates a token with the gateway right, the sync agent's two calls are made over HTTP
// with it (Playwright's `request`, as the agent does), and a reviewer sees the applied revision per environment.

const ADMIN = "admin@ans-demo.fr";
const REVIEWER = "instructeur@ans-demo.fr";
const HEADER = "siret,raison_sociale,service,environnement,url,certificat_pem,profil,quota_authentifie,quota_public";

test("an administrator imports the existing trust space, reads the refusals and the comparison, and a second import changes nothing", async ({ page }) => {
  const now = new Date();
  const authority = await createTestAuthority({ notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000 * 30), keyAlgorithm: "EC" });
  const [first, second] = [randomSiret(), randomSiret()];
  const csv = [
    HEADER,
    `${first},Clinique Reprise,Annuaire Repris,TEST,https://annuaire.reprise.example.fr,,0,,`,
    `${second},Éditeur Repris,Orientation Ouverte,PRODUCTION,https://orientation.reprise.example.fr,,0,4,2`,
    `12345678901234,SIRET Faux,Service Faux,TEST,https://faux.example.fr,,0,,`,
    `${second},Éditeur Repris,Autorité,TEST,https://ca.example.fr,"${authority.root.pem}",2,,`,
    `${second},Éditeur Repris,Profil Inconnu,TEST,https://inconnu.example.fr,,99,,`,
  ].join("\r\n");
  const file = { name: "liste-blanche-actuelle.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/instruction|\/administration/);
  await page.goto("/administration");
  await page.getByRole("link", { name: /Reprise de l'espace de confiance existant/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reprise de l'espace de confiance existant" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Fichier CSV de la liste blanche actuelle/).setInputFiles(file);
  await page.getByRole("button", { name: "Importer la liste blanche" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Rapport d'import" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "lignes refusées" })).toContainText("2 lignes reprises, 0 ligne déjà reprise, 3 lignes refusées");
  const refusals = page.getByRole("table", { name: "Lignes refusées et leur motif" });
  await expect(refusals.getByRole("row", { name: /Service Faux/ })).toContainText("SIRET invalide");
  await expect(refusals.getByRole("row", { name: /Autorité/ })).toContainText("autorité de certification");
  await expect(refusals.getByRole("row", { name: /Profil Inconnu/ })).toContainText("Profil d'accès inconnu");
  const comparison = page.getByRole("table", { name: "Lignes reprises comparées à l'export du portail" });
  await expect(comparison.getByRole("row", { name: /Annuaire Repris/ })).toContainText("Identique");
  await expect(comparison.getByRole("row", { name: /Orientation Ouverte/ })).toContainText("Identique");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Reprise de l'existant" }).click();
  await page.getByLabel(/^Fichier CSV de la liste blanche actuelle/).setInputFiles(file);
  await page.getByRole("button", { name: "Importer la liste blanche" }).click();
  await expect(page.getByRole("status").filter({ hasText: "lignes refusées" })).toContainText("0 ligne reprise, 2 lignes déjà reprises, 3 lignes refusées");
});

test("the agent's report, made with a token of the gateway right, is what a reviewer sees on /instruction/passerelle", async ({ browser, request }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await expect(admin).toHaveURL(/\/instruction|\/administration/);
  await admin.goto("/administration/jetons");
  const name = `Agent passerelle ${Date.now()}`;
  await admin.getByLabel(/^Nom du jeton/).fill(name);
  await admin.getByLabel(/^Liste blanche/).uncheck();
  await admin.getByLabel(/^Passerelle/).check();
  await admin.getByRole("button", { name: "Créer le jeton" }).click();
  const token = await admin.getByLabel("Jeton d'API", { exact: true }).inputValue();
  await expect(admin.getByRole("row", { name: new RegExp(name) })).toContainText("Passerelle");
  const auth = { Authorization: `Bearer ${token}` };

  // The gateway right only: the whitelist is refused in French.
  const whitelist = await request.get("/api/v1/whitelist", { headers: auth });
  expect(whitelist.status()).toBe(403);
  expect(((await whitelist.json()) as { detail: string }).detail).toContain("liste blanche");

  const configuration = await request.get("/api/v1/gateway/configuration?environment=TEST", { headers: auth });
  expect(configuration.status()).toBe(200);
  const etag = configuration.headers().etag!;
  const bundle = (await configuration.json()) as { revision: string; files: Record<string, string> };
  expect(Object.keys(bundle.files)).toContain("ror-whitelist-server.conf");
  expect((await request.get("/api/v1/gateway/configuration?environment=TEST", { headers: { ...auth, "If-None-Match": etag } })).status()).toBe(304);

  const unknown = await request.post("/api/v1/gateway/reports", {
    headers: auth,
    data: { environment: "TEST", revision: "999999999", result: "applied", appliedAt: new Date().toISOString(), message: "" },
  });
  expect(unknown.status()).toBe(422);
  const appliedAt = new Date();
  const report = await request.post("/api/v1/gateway/reports", {
    headers: auth,
    data: { environment: "TEST", revision: bundle.revision, result: "applied", appliedAt: appliedAt.toISOString(), message: "nginx: configuration file test is successful" },
  });
  expect(report.status()).toBe(201);

  const reviewer = await (await browser.newContext()).newPage();
  await signInAndLand(reviewer, REVIEWER, "/instruction");
  await reviewer.goto("/instruction/passerelle");
  await expect(reviewer.getByRole("heading", { level: 1, name: "Configuration de la passerelle" })).toBeVisible();
  const time = appliedAt.toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
  await expect(reviewer.getByTestId("gateway-status-test")).toContainText(`appliqué à la passerelle à ${time}`);
  await expect(reviewer.getByTestId("gateway-status-test")).toContainText(`(révision ${bundle.revision})`);
  await expectAccessible(reviewer);
});
