import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const PASSWORD = "une phrase de passe solide";
const MARKUP = `<b>gras</b><script>alert("xss")</script>`;

/** A new editor signs up through the form and lands in the editor space. */
async function signUpThroughUi(page: Page, legalName: string) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Inès Déclarante");
  const email = uniqueEmail("ines");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(legalName);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("12 rue des Lilas, 69003 Lyon");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
}

const completenessItem = (page: Page, label: string) =>
  page.getByRole("region", { name: "Complétude du dossier" }).getByRole("listitem").filter({ hasText: label });

test("a new editor declares a service, adds a test URL and sees the completeness panel change", async ({ page }) => {
  const legalName = `Logiciels Aubépine ${Date.now()}`;
  await signUpThroughUi(page, legalName);
  await page.getByRole("link", { name: "Services numériques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services numériques" })).toBeVisible();
  await expect(page.getByText("Aucun service numérique déclaré")).toBeVisible();
  // The charter is not accepted yet: the banner shows here too.
  await expect(page.getByRole("heading", { level: 2, name: /acceptation requise/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déclarer un service numérique" })).toBeVisible();
  await expectAccessible(page);

  // Empty form: French messages next to each field and group.
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByText("Saisissez le nom du service.")).toBeVisible();
  await expect(page.getByText("Cochez au moins une finalité du service.")).toBeVisible();
  await expect(page.getByText("Choisissez le profil d'accès demandé.")).toBeVisible();
  await expect(page.getByText("Cochez au moins une API du ROR que le service appellera.")).toBeVisible();
  await expect(page.getByLabel(/^Nom du service/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A 10,000-character name is refused.
  await page.getByLabel(/^Nom du service/).fill("N".repeat(10_000));
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByText("Ce champ ne peut pas dépasser 120 caractères.")).toBeVisible();
  await expect(page).toHaveURL(/\/editeur\/services\/nouveau/);

  const serviceName = `Orientation Aubépine ${Date.now()}`;
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Aubépine Orientation");
  await page.getByLabel(/^Version du logiciel/).fill("3.1.0");
  await page.getByLabel(/^Description du service/).fill(MARKUP);
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Coordination").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les infirmières de coordination des dispositifs d'appui.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 2/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Elles ont besoin des capacités d'accueil des établissements.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();

  await expect(page).toHaveURL(/\/editeur\/services\/[0-9a-f-]{36}\?cree=1$/);
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
  await expect(page.getByText("Le service est déclaré")).toBeVisible();
  // The markup typed in the description is shown as text, never interpreted.
  await expect(page.getByText(MARKUP, { exact: true })).toBeVisible();
  await expect(page.locator("main b")).toHaveCount(0);
  await expect(completenessItem(page, "URL du service déclarée")).toContainText("À faire");
  await expect(completenessItem(page, "Charte d'accès aux données du ROR acceptée")).toContainText("À faire");
  await expect(completenessItem(page, "Finalité du service indiquée")).toContainText("Fait");
  await expect(completenessItem(page, "Certificat IGC Santé actif et conforme")).toContainText("À faire");
  await expect(completenessItem(page, "Résultats PLATINES")).toContainText("À faire");
  await expect(completenessItem(page, "Attestation de client signée (annexe 1)")).toContainText("À faire");
  await expect(page.getByRole("link", { name: "Déposer ou consulter les certificats de test" })).toHaveAttribute(
    "href",
    /\/editeur\/services\/[0-9a-f-]{36}\/certificats\?environnement=TEST$/,
  );
  await expectAccessible(page);

  // The "Déclarer une URL" link of the panel leads to the URL section.
  await completenessItem(page, "URL du service déclarée").getByRole("link", { name: "Déclarer une URL" }).click();
  await expect(page).toHaveURL(/#urls$/);

  // Bad URLs: a French message under the field.
  const testUrl = page.getByLabel(/^URL de test/);
  await testUrl.fill("http://recette.aubepine.fr/ror");
  await page.getByRole("button", { name: "Ajouter l'URL de test" }).click();
  await expect(page.getByText("L'URL doit commencer par https:// : les connexions non chiffrées (http://) sont refusées.")).toBeVisible();
  await expect(testUrl).toHaveAttribute("aria-invalid", "true");
  await expect(testUrl).toHaveAccessibleDescription(/les connexions non chiffrées/);
  await expectAccessible(page);
  await testUrl.fill("https://user:pass@recette.aubepine.fr/ror");
  await page.getByRole("button", { name: "Ajouter l'URL de test" }).click();
  await expect(page.getByText("L'URL ne doit pas contenir d'identifiant ni de mot de passe (forme utilisateur:motdepasse@).")).toBeVisible();

  // A good one: the URL item turns done.
  await testUrl.fill("https://Recette.Aubepine.fr/ror/");
  await page.getByRole("button", { name: "Ajouter l'URL de test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "URL de test ajoutée : https://recette.aubepine.fr/ror" })).toBeVisible();
  await expect(completenessItem(page, "URL du service déclarée")).toContainText("Fait");
  await expect(completenessItem(page, "URL du service déclarée")).toContainText("1 URL déclarée (test : 1, production : 0).");
  await expect(testUrl).toHaveValue("");
  await expectAccessible(page);

  // The same URL again, written differently: refused by the server, next to the field.
  await testUrl.fill("https://recette.aubepine.fr/ror");
  await page.getByRole("button", { name: "Ajouter l'URL de test" }).click();
  await expect(page.getByText("Cette URL est déjà déclarée pour cet environnement.")).toBeVisible();
  await expect(testUrl).toHaveAttribute("aria-invalid", "true");

  // The list of services shows it, with its profile and what is missing.
  await page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Services numériques" }).click();
  const row = page.getByRole("row", { name: new RegExp(serviceName) });
  await expect(row).toContainText("Profil 2");
  await expect(row).toContainText("2 sur 6 éléments complets");
  await expectAccessible(page);
});

/** Fills and sends the new-service form with a profile-1 service. */
async function declareService(page: Page, serviceName: string) {
  await page.goto("/editeur/services/nouveau");
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Sureau");
  await page.getByLabel(/^Version du logiciel/).fill("1.0");
  await page.getByLabel(/^Description du service/).fill("Régulation des appels.");
  await page.getByLabel("Régulation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les médecins régulateurs.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Données très restreintes nécessaires à la régulation.");
  await page.getByLabel("Services web historiques").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

test("an editor changes a service and removes a URL", async ({ page }) => {
  const legalName = `Éditions Sureau ${Date.now()}`;
  await signUpThroughUi(page, legalName);
  const serviceName = `Régulation Sureau ${Date.now()}`;
  await declareService(page, serviceName);

  await page.getByLabel(/^URL de production/).fill("https://api.sureau.fr/ror");
  await page.getByRole("button", { name: "Ajouter l'URL de production" }).click();
  await expect(completenessItem(page, "URL du service déclarée")).toContainText("Fait");
  await page.getByRole("button", { name: "Retirer l'URL https://api.sureau.fr/ror" }).click();
  await expect(page.getByRole("status").filter({ hasText: "URL de production retirée : https://api.sureau.fr/ror" })).toBeVisible();
  await expect(completenessItem(page, "URL du service déclarée")).toContainText("À faire");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Modifier le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier le service numérique" })).toBeVisible();
  await expect(page.getByLabel(/^Nom du service/)).toHaveValue(serviceName);
  await expect(page.getByLabel("Régulation")).toBeChecked();
  await expect(page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/)).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Régulation").uncheck();
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Cochez au moins une finalité du service.")).toBeVisible();
  await page.getByLabel("Information").check();
  await page.getByLabel(/^Version du logiciel/).fill("1.1");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page).toHaveURL(/\?modifie=1$/);
  await expect(page.getByText("Les modifications du service sont enregistrées")).toBeVisible();
  await expect(page.getByText("Sureau, version 1.1", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("another organisation's service answers « page introuvable », like a service that does not exist", async ({ page, browser }) => {
  await signUpThroughUi(page, `Propriétaire ${Date.now()}`);
  await declareService(page, `Service privé ${Date.now()}`);
  const servicePath = new URL(page.url()).pathname;

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signUpThroughUi(intruder, `Intrus ${Date.now()}`);
  for (const path of [servicePath, `${servicePath}/modifier`, "/editeur/services/00000000-0000-4000-8000-000000000000", "/editeur/services/pas-un-identifiant"]) {
    expect((await intruder.goto(path))?.status(), path).toBe(404);
  }
  await expect(intruder.getByText(/Service privé/)).toHaveCount(0);
  await expectAccessible(intruder);
  await other.close();
});
