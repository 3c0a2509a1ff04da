import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { issueTestCertificate, generateTestKeys, type TestAuthority } from "../lib/testing/test-authority";
import { e2eTestAuthorityDir, loadTestAuthority } from "../lib/runtime/demo-test-authority";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const PASSWORD = "une phrase de passe solide";
const DAY = 86_400_000;

let authority: TestAuthority;

test.beforeAll(async () => {
  const loaded = await loadTestAuthority(e2eTestAuthorityDir(process.env.E2E_PORT ?? "3100"));
  if (!loaded) throw new Error("the e2e server has not created its test authority");
  authority = loaded;
});

async function signUpAndDeclareService(page: Page, siret: string, serviceName: string) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Yves Certifié");
  const email = uniqueEmail("yves");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(`Certifiés Réunis ${Date.now()}`);
  await page.getByLabel("Numéro SIRET").fill(siret);
  await page.getByLabel("Adresse postale").fill("3 cours Mirabeau, 13100 Aix-en-Provence");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  await page.getByRole("link", { name: "Services numériques" }).click();
  await page.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Certi Soft");
  await page.getByLabel(/^Version du logiciel/).fill("2.0");
  await page.getByLabel(/^Description du service/).fill("Régulation des admissions.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Régulation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les régulateurs du SAMU.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Lignes privées d'urgence.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

async function upload(page: Page, name: string, content: Buffer | string) {
  await page.getByLabel("Fichier du certificat").setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(content) });
  // Wait for the server's answer, so each check reads the message of this upload, not of the previous one.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/certificats")),
    page.getByRole("button", { name: "Vérifier et enregistrer le certificat" }).click(),
  ]);
}

const uploadError = (page: Page) => page.locator("#certificateFile-error");

test("an editor registers a certificate, sees each bad file refused, and the completeness panel change", async ({ page }) => {
  test.setTimeout(120_000);
  const siret = randomSiret();
  const serviceName = `Régulation Certi ${Date.now()}`;
  await signUpAndDeclareService(page, siret, serviceName);
  const certificateItem = page
    .getByRole("region", { name: "Complétude du dossier" })
    .getByRole("listitem")
    .filter({ hasText: "Certificat IGC Santé actif et conforme" });
  await expect(certificateItem).toContainText("À faire");

  await page.getByRole("link", { name: "Déposer ou consulter les certificats de test" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Certificats du service ${serviceName}` })).toBeVisible();
  await expect(page.getByText("Aucun certificat n'est encore enregistré pour cet environnement.")).toBeVisible();
  await expectAccessible(page);

  const now = Date.now();
  const validity = { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };
  const good = await issueTestCertificate(authority, { commonName: serviceName, structureId: `3${siret}`, organization: "Certifiés Réunis", ...validity, keyAlgorithm: "EC" });
  const noClientAuth = await issueTestCertificate(authority, { commonName: "Sans usage", structureId: `3${siret}`, ...validity, extendedKeyUsages: [], keyAlgorithm: "EC" });
  const keys = await generateTestKeys("EC");
  const privateKey = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64");

  await upload(page, "vide.pem", "");
  await expect(uploadError(page)).toContainText(/vide/);
  await expectAccessible(page);

  const badFiles: [string, Buffer | string, RegExp][] = [
    ["aleatoire.der", Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 73 + 11) % 256)), /certificat X\.509|lisible/i],
    ["tronque.der", Buffer.from(good.der.slice(0, 200)), /tronqu|incomplet|lisible/i],
    ["enorme.pem", "A".repeat(70 * 1024), /64 Kio/],
    ["cle.pem", `${good.pem}-----BEGIN PRIVATE KEY-----\n${privateKey}\n-----END PRIVATE KEY-----\n`, /clé privée/],
    ["autorite.pem", authority.issuing.pem, /Certificat refusé.*autorité de certification/],
    ["sans-usage.pem", noClientAuth.pem, /Certificat refusé.*ne porte pas l'usage « Authentification client »/],
  ];
  for (const [name, content, message] of badFiles) {
    await upload(page, name, content);
    await expect(uploadError(page), name).toContainText(message);
  }
  await expect(page.getByText("Aucun certificat n'est encore enregistré pour cet environnement.")).toBeVisible();

  // A PEM bundle with the chain: the end-entity certificate is kept and the editor is told so.
  await upload(page, "chaine.pem", `${authority.issuing.pem}${good.pem}`);
  await expect(page.getByText("Certificat enregistré")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Certificats enregistrés (1)" })).toBeVisible();
  const registered = page.getByRole("article", { name: /Certificat CN=/ });
  await expect(registered).toContainText("Statut : Actif");
  await expect(registered).toContainText(`OU=3${siret}`);
  await expect(registered).toContainText("Authentification client");
  await expect(registered).toContainText("jours restants");
  await expectAccessible(page);

  await page.getByRole("link", { name: serviceName }).click();
  await expect(certificateItem).toContainText("Fait");
  await expectAccessible(page);
});

test("an editor pastes a certificate as PEM text instead of choosing a file", async ({ page }) => {
  const siret = randomSiret();
  const serviceName = `Régulation Collée ${Date.now()}`;
  await signUpAndDeclareService(page, siret, serviceName);
  await page.getByRole("link", { name: "Déposer ou consulter les certificats de test" }).click();
  const now = Date.now();
  // Issued now for one year, as IGC Santé issues them: a person counts 365 days left, not 364.
  const good = await issueTestCertificate(authority, {
    commonName: serviceName,
    structureId: `3${siret}`,
    organization: "Certifiés Réunis",
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * DAY),
    keyAlgorithm: "EC",
  });
  const pasteField = page.getByLabel("Ou collez le certificat au format PEM");
  // The label reads as text, only the pasted PEM is in a monospace font.
  await expect(page.locator("label[for=certificateText]")).not.toHaveCSS("font-family", /mono/i);
  await expect(pasteField).toHaveCSS("font-family", /mono/i);
  const submit = () =>
    Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/certificats")),
      page.getByRole("button", { name: "Vérifier et enregistrer le certificat" }).click(),
    ]);

  // Something that is not a certificate: the error is under the text area, not under the empty file input.
  await pasteField.fill("bonjour");
  await submit();
  await expect(page.locator("#certificateText-error")).toContainText("n'est pas un certificat X.509 lisible");
  await expect(pasteField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#certificateFile-error")).toHaveCount(0);
  await expectAccessible(page);

  // The certificate, pasted with the blank lines a copy from a mail or a terminal brings.
  await pasteField.fill(`\n${good.pem}\n\n`);
  await submit();
  await expect(page.getByText("Certificat enregistré")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Certificats enregistrés (1)" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Certificat CN=/ })).toContainText(`OU=3${siret}`);
  await expect(page.getByRole("article", { name: /Certificat CN=/ })).toContainText("(365 jours restants)");

  // A file and a pasted text at once: refused, nothing added.
  await page.getByLabel("Fichier du certificat").setInputFiles({ name: "certificat.pem", mimeType: "application/x-pem-file", buffer: Buffer.from(good.pem) });
  await pasteField.fill(good.pem);
  await submit();
  await expect(page.locator("#certificateFile-error")).toContainText("pas les deux");
  await expect(page.getByRole("heading", { level: 2, name: "Certificats enregistrés (1)" })).toBeVisible();
});
