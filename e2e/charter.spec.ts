import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const BANNER = /Charte d'accès aux données du ROR, version [\d.]+ : acceptation requise/;

async function signUp(page: Page, options: { name: string; legalName: string; legalRepresentative: boolean }) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill(options.name);
  const email = uniqueEmail("charte");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill("une phrase de passe solide");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe solide");
  await page.getByLabel("Raison sociale").fill(options.legalName);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("12 rue des Lilas, 69003 Lyon");
  if (options.legalRepresentative) await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
}

test("a new legal representative sees the banner, reads the charter from it, accepts it, and the banner goes", async ({ page }) => {
  await signUp(page, { name: "Inès Garnier", legalName: "Garnier Santé Connectée", legalRepresentative: true });
  const banner = page.getByRole("heading", { level: 2, name: BANNER });
  await expect(banner).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Lire et accepter la charte, version/ }).click();
  await expect(page).toHaveURL(/\/editeur\/charte$/);
  await expect(page.getByRole("heading", { level: 1, name: "Charte d'accès aux données du ROR" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "La charte en résumé" })).toBeVisible();
  await expect(page.getByRole("link", { name: "5. Quotas d'appels" })).toHaveAttribute("href", /\/charte\?version=.+#quotas-d-appels$/);
  await expectAccessible(page);

  // The box must be ticked.
  await page.getByRole("button", { name: "Accepter la charte" }).click();
  await expect(page.getByText("Cochez la case pour accepter la charte.")).toBeVisible();
  const checkbox = page.getByLabel(/^J'ai lu et j'accepte la charte d'accès aux données du ROR, version [\d.]+/);
  await expect(checkbox).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await checkbox.check();
  await page.getByRole("button", { name: "Accepter la charte" }).click();
  const accepted = page.getByRole("status").filter({ hasText: /Charte acceptée \(version [\d.]+\)/ });
  await expect(accepted).toBeVisible();
  await expect(accepted).toContainText("Acceptée pour Garnier Santé Connectée par Inès Garnier le");
  await expect(page.getByRole("button", { name: "Accepter la charte" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Retour à l'espace éditeur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espace éditeur" })).toBeVisible();
  await expect(page.getByRole("heading", { name: BANNER })).toHaveCount(0);
  await expectAccessible(page);
});

test("a member who is not the legal representative learns who must accept and cannot accept", async ({ page }) => {
  await signUp(page, { name: "Hugo Lambert", legalName: "Lambert Logiciels", legalRepresentative: false });
  await expect(page.getByRole("heading", { level: 2, name: BANNER })).toBeVisible();
  await expect(page.getByText(/Un représentant légal de Lambert Logiciels doit accepter la version/)).toBeVisible();
  await page.getByRole("link", { name: /^Consulter la charte, version/ }).click();
  await expect(page.getByText("Seul un représentant légal peut accepter la charte")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accepter la charte" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expectAccessible(page);

  // Another organisation's page, by id guessing: 403.
  const response = await page.goto("/editeur/charte?organisation=00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
});

test("the public charter page has a table of contents that jumps to each section", async ({ page }) => {
  await page.goto("/charte");
  await expect(page.getByRole("heading", { level: 1, name: "Charte d'accès aux données du ROR pour les services numériques de santé" })).toBeVisible();
  await expect(page.getByText(/^Version [\d.]+, publiée le \d{1,2} \S+ \d{4} par l'Agence du Numérique en Santé/)).toBeVisible();
  const contents = page.getByRole("navigation", { name: "Sommaire" });
  await expect(contents.getByRole("link")).toHaveCount(10);
  await expectAccessible(page);

  await contents.getByRole("link", { name: "Annexe 1 : attestation de client" }).click();
  await expect(page).toHaveURL(/\/charte#annexe-1-attestation-de-client$/);
  const annex = page.getByRole("heading", { level: 2, name: "Annexe 1 : attestation de client" });
  await expect(annex).toBeInViewport();
  await expect(page.getByText("Version logicielle concernée par la connexion au ROR")).toBeVisible();

  await contents.getByRole("link", { name: "6. Sécurité des accès" }).click();
  await expect(page).toHaveURL(/#securite-des-acces$/);
  await expect(page.getByRole("heading", { level: 2, name: "6. Sécurité des accès" })).toBeInViewport();
  await expect(page.getByText(/authentifiés par TLS mutuel/)).toBeVisible();

  await page.goto("/charte?version=0.1");
  await expect(page.getByText(/^Version 0\.1, publiée le/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "5. Quotas d'appels" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/charte?version=9.9"))?.status()).toBe(404);
});
