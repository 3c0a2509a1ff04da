import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";

test("a new editor signs up from the home page and lands in the editor space", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Créer un compte éditeur" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte éditeur" })).toBeVisible();
  await expectAccessible(page);

  const siret = randomSiret();
  await page.getByLabel("Nom et prénom").fill("Élodie Mercier");
  await page.getByLabel("Adresse e-mail professionnelle").fill(uniqueEmail("elodie"));
  await page.getByLabel(/^Mot de passe/).fill("une phrase de passe solide");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe solide");
  await page.getByLabel("Raison sociale").fill("Logiciels Mercier & Fils");
  await page.getByLabel("Numéro SIRET").fill(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await page.getByLabel("Adresse postale").fill("4 quai de la Loire, 44000 Nantes");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page).toHaveURL(/\/editeur/);
  await expect(page.getByText("Votre compte est créé")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Logiciels Mercier & Fils" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Représentant légal" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace éditeur" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
});

test("bad sign-up input gets French messages next to the fields", async ({ page }) => {
  await page.goto("/inscription");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Saisissez vos nom et prénom.")).toBeVisible();
  await expect(page.getByText("Saisissez le numéro SIRET.")).toBeVisible();

  await page.getByLabel("Nom et prénom").fill("Paul Petit");
  await page.getByLabel("Adresse e-mail professionnelle").fill("equipe@editeur-demo.fr");
  await page.getByLabel(/^Mot de passe/).fill("court");
  await page.getByLabel("Confirmation du mot de passe").fill("court");
  await page.getByLabel("Raison sociale").fill("Petit Logiciel");
  await page.getByLabel("Numéro SIRET").fill("73282932000075");
  await page.getByLabel("Adresse postale").fill("1 rue Haute, 67000 Strasbourg");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Le mot de passe doit comporter au moins 12 caractères.")).toBeVisible();
  await expect(page.getByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte).")).toBeVisible();
  await expect(page.getByLabel("Numéro SIRET")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Valid in the browser, refused by the server: the e-mail is already taken.
  await page.getByLabel(/^Mot de passe/).fill("une phrase de passe solide");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe solide");
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText(/Un compte existe déjà avec cette adresse e-mail/)).toBeVisible();
  await expect(page).toHaveURL(/\/inscription$/);
});
