// Uploads as a person and as an attacker would send them (issue 17, ADR 0026–0028): a real progress bar that can be
// cancelled, a 60 MB body refused at once with a French 413 the browser reads, the form posted without JavaScript,
// the per-address limits of the anonymous endpoints (on the second instance, which keeps production's limits and
// where each test presents an address of its own), and an EICAR evidence file refused by clamd.
import { readFileSync } from "node:fs";
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { ANONYMOUS_LIMITS } from "../lib/anonymous-limit";
import { SCAN_MESSAGES } from "../lib/uploads/scan-messages";
import { UPLOAD_OUTCOME_MESSAGES } from "../lib/uploads/upload-answer";
import { clamdAvailable, EICAR } from "../lib/testing/clamd";
import { expectAccessible } from "./support/accessibility";
import { confirmSignUpFromMailbox } from "./support/mailbox";
import { randomSiret, uniqueEmail } from "./support/identifiers";

const port = Number(process.env.E2E_PORT ?? "3100");
const SECOND = `http://localhost:${port + 1}`;
const FIELD = /Attestation au format PDF/;
const PASSWORD = "une phrase de passe solide";

/** An address of its own for one test on the second instance (which trusts one proxy). */
function address(): string {
  return `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
}

async function onSecondInstance(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; ip: string }> {
  const ip = address();
  const context = await browser.newContext({ baseURL: SECOND, extraHTTPHeaders: { "X-Forwarded-For": ip }, ...options });
  return { page: await context.newPage(), ip };
}

test("the verification form shows a real progress bar that can be cancelled, then the same French result", async ({ page }) => {
  await page.goto("/verification");
  // Slow the upload down so that the progress can be seen (about 2 s for a megabyte).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  const notPdf = Buffer.alloc(8 * 1024 * 1024, 0x41);
  await page.getByLabel(FIELD).setInputFiles({ name: "attestation-lourde.pdf", mimeType: "application/pdf", buffer: notPdf });
  await page.getByRole("button", { name: "Vérifier" }).click();

  const progress = page.getByRole("progressbar", { name: /Envoi en cours : attestation-lourde\.pdf \(8 Mio\)/ });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute("value"))).toBeGreaterThan(0);
  await expect(page.getByRole("status").filter({ hasText: /^Envoi de attestation-lourde\.pdf : \d+ %\.$/ })).toBeAttached();
  await expect(page.getByText(/^\d+ %$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Vérification…" })).toBeDisabled();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Annuler l'envoi de attestation-lourde.pdf" }).click();
  await expect(page.getByRole("alert").filter({ hasText: UPLOAD_OUTCOME_MESSAGES.cancelled })).toBeVisible();
  await expect(progress).toHaveCount(0);

  // At full speed: the server's French answer, next to the field.
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.locator("#attestationFile-error")).toHaveText(/Ce fichier n'est pas un PDF/);
  await expect(page.getByLabel(FIELD)).toBeFocused();
  await expect(page.getByText(UPLOAD_OUTCOME_MESSAGES.cancelled)).toHaveCount(0);
});

test("a 60 MB body sent past the form is refused at once with a French 413; another site's request with 403", async ({ page, request }) => {
  await page.goto("/verification");
  const answer = await page.evaluate(async () => {
    const form = new FormData();
    form.set("attestationFile", new Blob([new Uint8Array(60 * 1000 * 1000)]), "enorme.pdf");
    const started = performance.now();
    const response = await fetch("/api/verification", { method: "POST", body: form });
    return { status: response.status, type: response.headers.get("content-type"), body: await response.json(), ms: performance.now() - started };
  });
  expect(answer.status).toBe(413);
  expect(answer.type).toBe("application/problem+json");
  expect(answer.body.detail).toMatch(/^L'envoi dépasse 10 Mio, le plus que ce formulaire accepte : rien n'a été enregistré\.$/);

  const crossSite = await request.post("/api/verification", {
    headers: { Origin: "https://attaquant.example" },
    multipart: { attestationFile: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") } },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).detail).toBe("Requête refusée : les fichiers s'envoient depuis les formulaires du portail.");
});

test("without JavaScript the verification form still posts, and a body over 1 MiB gets a French page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/verification");
  await page.getByLabel(FIELD).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>Bonjour</html>") });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.locator("#attestationFile-error")).toHaveText(/Ce fichier n'est pas un PDF/);

  await page.getByLabel(FIELD).setInputFiles({ name: "gros.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Vérifier" }).click()]);
  expect(response.status()).toBe(413);
  await expect(page.getByRole("heading", { level: 1, name: "Envoi trop volumineux" })).toBeVisible();
  await expect(page.getByText(/accepte 1 Mio au plus quand JavaScript est désactivé/)).toBeVisible();
  await context.close();
});

test("anonymous verifications, sign-ups and signing links are limited per address, with French answers", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, ip } = await onSecondInstance(browser);
  // Verifications: the limit spent by a script, then the form says how long to wait.
  const statuses: number[] = [];
  for (let i = 0; i < ANONYMOUS_LIMITS.verification.max + 5; i++) {
    const response = await page.request.post("/api/verification", {
      headers: { Origin: SECOND, "X-Forwarded-For": ip },
      multipart: { attestationFile: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html/>") } },
    });
    statuses.push(response.status());
  }
  expect(statuses.filter((status) => status === 422)).toHaveLength(ANONYMOUS_LIMITS.verification.max);
  expect(statuses.slice(ANONYMOUS_LIMITS.verification.max)).toEqual([429, 429, 429, 429, 429]);
  await page.goto("/verification");
  await page.getByLabel(FIELD).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Trop de demandes depuis votre adresse réseau\. Réessayez dans \d+ (secondes?|minutes?)\./ })).toBeVisible();

  // Signing links: the page, then its PDF, past the limit.
  const link = `/signature/${"B".repeat(43)}`;
  for (let i = 0; i < ANONYMOUS_LIMITS.signingLink.max; i++) expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Trop de demandes" })).toBeVisible();
  const document = await page.request.get(`${link}/document`);
  expect(document.status()).toBe(429);
  expect(document.headers()["retry-after"]).toMatch(/^\d+$/);

  // Sign-ups: each attempt counts, refused or not.
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Lima Ité");
  await page.getByLabel("Adresse e-mail professionnelle").fill(uniqueEmail("limite"));
  // A password too easy to guess: refused by the server (the browser does not judge it), counted all the same. (A
  // SIRET already registered no longer fails: it becomes a join request, issue 22.)
  await page.getByLabel(/^Mot de passe/).fill("motdepasse1234");
  await page.getByLabel("Confirmation du mot de passe").fill("motdepasse1234");
  await page.getByLabel("Raison sociale").fill("Limites SAS");
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("1 rue des Limites, 75001 Paris");
  for (let i = 0; i < ANONYMOUS_LIMITS.signUp.max; i++) {
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("button", { name: "Créer mon compte" })).toBeEnabled();
  }
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Trop de demandes depuis votre adresse réseau\. Réessayez dans \d+ minutes?\./ })).toBeVisible();
  await page.context().close();
});

test("an editor's PLATINES evidence infected with EICAR is refused by the antivirus, and nothing is stored", async ({ page }) => {
  test.skip(!clamdAvailable(), "clamd (clamav-daemon) n'est pas installé : parcours antivirus sauté.");
  test.setTimeout(120_000);
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Ève Irus");
  const email = uniqueEmail("eve");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(`Antivirus Santé ${Date.now()}`);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("3 rue des Tests, 69003 Lyon");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  await page.getByRole("link", { name: "Services numériques" }).click();
  await page.getByRole("link", { name: "Déclarer un service numérique" }).click();
  const serviceName = `Antivirus ${Date.now()}`;
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Orienta");
  await page.getByLabel(/^Version du logiciel/).fill("4.2");
  await page.getByLabel(/^Description du service/).fill("Orientation des patients.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les coordinateurs de parcours.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Lignes privées d'urgence.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
  await page.getByRole("link", { name: "Déposer des résultats PLATINES" }).click();

  await page.getByLabel(/^Plan de tests exécuté/).selectOption({ label: "API FHIR du ROR — recherche et lecture de l'offre" });
  await page.getByLabel(/^Identifiant de la session PLATINES/).fill("SESSION-EICAR");
  await page.getByLabel(/^Date d'exécution/).fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  const report = readFileSync(new URL("../lib/platines/fixtures/homologation-recherche-lecture-succes.xml", import.meta.url));
  await page.getByLabel(/^Rapport JUnit/).setInputFiles({ name: "rapport.xml", mimeType: "application/xml", buffer: report });
  await page.getByLabel(/^Pièces justificatives/).setInputFiles([{ name: "journaux.txt", mimeType: "text/plain", buffer: EICAR }]);
  await page.getByRole("button", { name: "Vérifier et enregistrer les résultats" }).click();
  await expect(page.locator("#evidence-error")).toHaveText(SCAN_MESSAGES.infected("journaux.txt"));
  // The typed values and the chosen files are still there: fix the evidence and send again.
  await expect(page.getByLabel(/^Identifiant de la session PLATINES/)).toHaveValue("SESSION-EICAR");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sessions précédentes (0)" })).toBeVisible();
});
