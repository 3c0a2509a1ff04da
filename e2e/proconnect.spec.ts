import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

// ProConnect (issue 20, ADR 0044) against the real OpenID provider the Playwright server starts on loopback
// (oidc-provider, lib/testing/oidc-provider.ts): its own login page, real redirects, real signed tokens.

const PASSWORD = "une phrase de passe solide";

/** From the portal's sign-in page, through the provider's login page, as `email`. */
async function throughProConnect(page: Page, email: string) {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "S'identifier avec ProConnect" }).click();
  await expect(page.getByRole("heading", { name: "Fournisseur d'identité de test" })).toBeVisible();
  await page.getByLabel("Identifiant").fill(email);
  await page.getByRole("button", { name: "Se connecter au fournisseur" }).click();
}

test("a first ProConnect sign-in links an existing account with its password; then ProConnect alone opens the editor space, and sign-out ends at the provider", async ({
  page,
}) => {
  // An editor with a password account of their own.
  const email = uniqueEmail("proconnect-lien");
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Camille Durand");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(`ProConnect ${Date.now()}`);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("2 rue des Identités, 35000 Rennes");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
  await expectAccessible(page);

  // First ProConnect sign-in: the address has an account, whose password links it.
  await throughProConnect(page, email);
  await expect(page).toHaveURL(/\/connexion\/proconnect$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lier votre compte à ProConnect" })).toBeVisible();
  await expect(page.getByText(`Un compte du portail utilise déjà l'adresse ${email}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Mot de passe de votre compte").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Lier mon compte et me connecter" }).click();
  await expect(page.getByText("Mot de passe incorrect.")).toBeVisible();
  await page.getByLabel("Mot de passe de votre compte").fill(PASSWORD);
  await page.getByRole("button", { name: "Lier mon compte et me connecter" }).click();
  await expect(page).toHaveURL(/\/editeur$/);

  // Sign-out ends the provider's session too (RP-initiated logout), and comes back (with the provider's `state`).
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1&state=[\w-]+$/);
  await expect(page.getByText("Votre session a été fermée.")).toBeVisible();
  await page.goto("/editeur");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fediteur$/);

  // Linked: the provider's login page, then straight into the editor space.
  await throughProConnect(page, email);
  await expect(page).toHaveURL(/\/editeur$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("an unknown address opens the sign-up form prefilled from ProConnect; refusals explain themselves in French", async ({ page }) => {
  const email = uniqueEmail("proconnect-nouveau");
  await throughProConnect(page, email);
  await expect(page).toHaveURL(/\/inscription\?proconnect=1$/);
  await expect(page.getByText("Première connexion avec ProConnect")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail professionnelle")).toHaveValue(email);
  await expect(page.getByLabel("Nom et prénom")).toHaveValue("Camille Durand");
  await expect(page.getByLabel("Numéro SIRET")).toHaveValue("90123456700013");
  await expectAccessible(page);

  // The attempt of this browser has served: a second response for it is refused.
  await page.goto("/api/proconnect/retour?code=abc&state=def");
  await expect(page).toHaveURL(/\/connexion\/proconnect\?erreur=replayed$/);
  await expect(page.getByText("Cette réponse de ProConnect a déjà servi.")).toBeVisible();
  // A response that no sign-in of this browser started (the refusal dropped the attempt's cookie).
  await page.goto("/api/proconnect/retour?code=abc&state=def");
  await expect(page).toHaveURL(/\/connexion\/proconnect\?erreur=unknown_attempt$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion avec ProConnect impossible" })).toBeVisible();
  await expect(page.getByText("n'a pas été commencée sur ce navigateur")).toBeVisible();
  await expectAccessible(page);
});
