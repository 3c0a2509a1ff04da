import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { captureAction, replay, type Captured } from "./support/server-actions";
import { expectAccessible } from "./support/accessibility";
import { submitProfile0Dossier } from "./support/review-setup";
import { signIn } from "./support/session";

// Every page and action of the reviewers and administrators, tried by people who may not use them: an editor (the
// very owner of the dossier), a plain reviewer for the administration, and an anonymous visitor. Pages answer the
// French 403 page or send to sign-in; forged server-action posts (captured from a real reviewer's form, then
// replayed with another person's cookies) and direct requests to the route handler change nothing.

const REVIEWER = "instructeur@ans-demo.fr";
const ADMIN = "admin@ans-demo.fr";

async function anonymousRequest(browser: Browser): Promise<APIRequestContext> {
  return (await browser.newContext()).request;
}

async function expectForbiddenPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
}

test("pages and the CSV export: 403 for editors and (administration) plain reviewers, sign-in for anonymous visitors", async ({ browser }) => {
  test.setTimeout(180_000);
  const dossier = await submitProfile0Dossier(browser, "droits");
  const applicationId = dossier.dossierUrl.split("/").pop()!;
  const reviewerPages = ["/instruction", `/instruction/dossiers/${applicationId}`, "/instruction?statut=tous&q=revue"];
  const adminPages = ["/administration/instructeurs", "/administration/journal", "/administration/journal?type=application.approved"];

  // The editor who owns the dossier.
  for (const path of [...reviewerPages, ...adminPages]) await expectForbiddenPage(dossier.editor, path);
  await expectAccessible(dossier.editor);
  const editorCsv = await dossier.editor.request.get("/api/administration/journal.csv", { maxRedirects: 0 });
  expect(editorCsv.status()).toBe(403);
  expect(await editorCsv.text()).toContain("Accès refusé");
  // The attestation and PLATINES pages of the review are not the editor's either.
  await expectForbiddenPage(dossier.editor, `/instruction/services/00000000-0000-4000-8000-000000000000/platines`);

  // A plain reviewer: the queue and the dossier yes, the administration no.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, REVIEWER);
  await expect(reviewer).toHaveURL(/\/instruction/);
  for (const path of adminPages) await expectForbiddenPage(reviewer, path);
  const reviewerCsv = await reviewer.request.get("/api/administration/journal.csv?type=user.signed_in", { maxRedirects: 0 });
  expect(reviewerCsv.status()).toBe(403);
  const response = await reviewer.goto(`/instruction/dossiers/${applicationId}`);
  expect(response?.status()).toBe(200);
  // Another id, or a malformed one, is simply missing.
  expect((await reviewer.goto("/instruction/dossiers/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await reviewer.goto("/instruction/dossiers/pas-un-identifiant"))?.status()).toBe(404);

  // Anonymous visitors go to sign-in, with the way back.
  const anonymous = await (await browser.newContext()).newPage();
  for (const path of [...reviewerPages, ...adminPages]) {
    await anonymous.goto(path);
    await expect(anonymous, path).toHaveURL(/\/connexion\?retour=/);
  }
  await expectAccessible(anonymous);
  const anonymousCsv = await anonymous.request.get("/api/administration/journal.csv?type=user.signed_in", { maxRedirects: 0 });
  expect(anonymousCsv.status()).toBe(303);
  expect(anonymousCsv.headers()["location"]).toMatch(/\/connexion\?retour=%2Fadministration%2Fjournal/);
  // The export only answers GET.
  expect((await anonymous.request.post("/api/administration/journal.csv", { maxRedirects: 0 })).status()).toBe(405);
  expect((await dossier.editor.request.post("/api/administration/journal.csv", { maxRedirects: 0 })).status()).toBe(405);
});

test("forged review actions from an editor or an anonymous visitor change nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  const dossier = await submitProfile0Dossier(browser, "forge");
  const applicationId = dossier.dossierUrl.split("/").pop()!;
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, REVIEWER);
  await expect(reviewer).toHaveURL(/\/instruction/);
  const url = `/instruction/dossiers/${applicationId}`;

  const captured: Record<string, Captured> = {};
  await reviewer.goto(url);
  captured.message = await captureAction(reviewer, async () => {
    await reviewer.getByLabel(/^Votre message à l'éditeur/).fill("Message forgé");
    await reviewer.getByRole("button", { name: "Envoyer le message" }).click();
  });
  await reviewer.goto(url);
  captured.requestChanges = await captureAction(reviewer, async () => {
    await reviewer.getByText("Demander des modifications", { exact: true }).click();
    await reviewer.getByLabel(/^Modifications attendues/).fill("Demande forgée");
    await reviewer.getByLabel("Je confirme renvoyer le dossier à l'éditeur pour modifications").check();
    await reviewer.getByRole("button", { name: "Renvoyer le dossier à l'éditeur" }).click();
  });
  await reviewer.goto(url);
  captured.approve = await captureAction(reviewer, async () => {
    await reviewer.getByText("Approuver le dossier", { exact: true }).click();
    await reviewer.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
    await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  });
  await reviewer.goto(url);
  captured.refuse = await captureAction(reviewer, async () => {
    await reviewer.getByText("Refuser le dossier", { exact: true }).click();
    await reviewer.getByLabel(/^Motif du refus/).fill("Refus forgé");
    await reviewer.getByLabel("Je confirme refuser définitivement ce dossier").check();
    await reviewer.getByRole("button", { name: "Refuser définitivement le dossier" }).click();
  });

  const anonymous = await anonymousRequest(browser);
  for (const [name, action] of Object.entries(captured)) {
    const asEditor = await replay(dossier.editor.request, action);
    expect(asEditor.status(), `${name} as the editor`).toBe(403);
    const asAnonymous = await replay(anonymous, action);
    expect([303, 307, 200], `${name} as an anonymous visitor`).toContain(asAnonymous.status());
    if (asAnonymous.status() === 200) expect(asAnonymous.headers()["x-action-redirect"] ?? "").toContain("/connexion");
    else expect(asAnonymous.headers()["location"] ?? asAnonymous.headers()["x-action-redirect"] ?? "").toContain("/connexion");
  }

  // Nothing happened: still to review, no message, no decision.
  await reviewer.goto(url);
  await expect(reviewer.getByText("Statut", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Déposé, en attente d'instruction");
  await expect(reviewer.getByRole("region", { name: "Échanges avec l'éditeur" })).toContainText("Aucun message pour le moment.");
  const history = reviewer.getByRole("region", { name: "Historique du dossier" });
  await expect(history).not.toContainText("Modifications demandées");
  await expect(history).not.toContainText("Dossier approuvé");
  await expect(history).not.toContainText("Dossier refusé");
});

test("forged administration actions from a reviewer or an editor change nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await expect(admin).toHaveURL(/\/instruction/);
  await admin.goto("/administration/instructeurs");
  const email = `forge.${Date.now()}@ans-demo.fr`;
  const create = await captureAction(admin, async () => {
    await admin.getByLabel(/^Nom et prénom/).fill("Compte Forgé");
    await admin.getByLabel(/^Adresse e-mail/).fill(email);
    await admin.getByLabel(/^Administrateur ANS/).check();
    await admin.getByRole("button", { name: "Créer le compte" }).click();
  });

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, REVIEWER);
  await expect(reviewer).toHaveURL(/\/instruction/);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "equipe@editeur-demo.fr");
  await expect(editor).toHaveURL(/\/editeur/);
  expect((await replay(reviewer.request, create)).status()).toBe(403);
  expect((await replay(editor.request, create)).status()).toBe(403);
  const anonymous = await replay(await anonymousRequest(browser), create);
  expect(anonymous.status()).not.toBe(500);

  await admin.goto("/administration/instructeurs");
  await expect(admin.getByRole("heading", { level: 1, name: "Comptes de l'ANS" })).toBeVisible();
  await expect(admin.getByText(email)).toHaveCount(0);
});
