import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

test("a new editor signs up from the home page and lands in the editor space", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Créer un compte éditeur" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte éditeur" })).toBeVisible();
  await expectAccessible(page);

  const siret = randomSiret();
  const email = uniqueEmail("elodie");
  await page.getByLabel("Nom et prénom").fill("Élodie Mercier");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill("une phrase de passe solide");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe solide");
  await page.getByLabel("Raison sociale").fill("Logiciels Mercier & Fils");
  await page.getByLabel("Numéro SIRET").fill(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await page.getByLabel("Adresse postale").fill("4 quai de la Loire, 44000 Nantes");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();
  await expectAccessible(page);

  await confirmSignUpFromMailbox(page, email);
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

  // Long enough, but refused by the server: a common password, then one too easy to guess, with the meter saying so.
  await page.getByLabel(/^Mot de passe/).fill("password1234");
  await page.getByLabel("Confirmation du mot de passe").fill("password1234");
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  const common = "Ce mot de passe fait partie des mots de passe les plus répandus : choisissez-en un autre.";
  await expect(page.getByTestId("robustesse-mot-de-passe")).toContainText(common);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#password-error")).toHaveText(common);
  await expect(page.getByLabel(/^Mot de passe/)).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel(/^Mot de passe/).fill("azertyuiop12");
  await page.getByLabel("Confirmation du mot de passe").fill("azertyuiop12");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#password-error")).toContainText("Ce mot de passe est trop facile à deviner.");
  await expectAccessible(page);

  // An address that already has an account gets the same answer as a new one; its owner is told by mail instead.
  await page.getByLabel(/^Mot de passe/).fill("une phrase de passe solide");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe solide");
  await expect(page.getByTestId("robustesse-mot-de-passe")).toContainText("Ce mot de passe sera accepté.");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();
  await expect(page.getByText(/existe déjà/)).toHaveCount(0);
  await page.goto("/courriels?a=equipe@editeur-demo.fr");
  const mail = page.getByRole("article", { name: "Vous avez déjà un compte sur le portail d'adhésion au ROR" }).first();
  await expect(mail).toContainText("Vous avez déjà un compte : connectez-vous ou réinitialisez votre mot de passe.");
});
