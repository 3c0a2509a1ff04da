import { expect, test } from "./support/test";
import { passSecondFactor } from "./support/second-factor";
import { demoAccounts } from "../scripts/demo/demo-accounts";
import { expectAccessible } from "./support/accessibility";
import { signIn, signInAndLand } from "./support/session";

const reviewer = demoAccounts.find((a) => a.roles.includes("ANS_REVIEWER"))!;
const admin = demoAccounts.find((a) => a.roles.includes("ANS_ADMIN"))!;
const member = demoAccounts.find((a) => a.roles.includes("EDITOR") && !a.legalRepresentative)!;
const legalRepresentative = demoAccounts.find((a) => a.legalRepresentative)!;

test("a wrong password and an unknown e-mail get the same French error", async ({ page }) => {
  await signIn(page, admin.email, "mauvais mot de passe");
  const alert = page.getByRole("alert").filter({ hasText: "Connexion impossible" });
  await expect(alert).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await expectAccessible(page);
  const knownAccountMessage = await alert.textContent();

  await signIn(page, "personne.inconnue@exemple.fr", "mauvais mot de passe");
  await expect(page.getByRole("alert").filter({ hasText: "Connexion impossible" })).toHaveText(knownAccountMessage!);
  await expect(page).toHaveURL(/\/connexion/);
});

test("a reviewer signs in and sees the ANS space", async ({ page }) => {
  await signInAndLand(page, reviewer.email, "/instruction");
  await expect(page.getByRole("heading", { level: 1, name: "Instruction des dossiers" })).toBeVisible();
  await expect(page.getByText("Instructeur ANS")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace éditeur" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an editor cannot open an ANS page: a French 403", async ({ page }) => {
  await signInAndLand(page, member.email, "/editeur");
  await expectAccessible(page);
  const response = await page.goto("/instruction");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/administration"))?.status()).toBe(403);
});

test("a signed-out person can no longer reach the editor space", async ({ page }) => {
  await signInAndLand(page, legalRepresentative.email, "/editeur");
  await expect(page.getByText("Représentant légal").first()).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/editeur");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fediteur/);
  await expect(page.getByText("Connectez-vous pour accéder à cette page.")).toBeVisible();
});

test("an administrator reaches administration and returns to the requested page after sign-in", async ({ page }) => {
  await page.goto("/administration");
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await page.getByLabel("Adresse e-mail").fill(admin.email);
  await page.getByLabel("Mot de passe").fill("Demo-ROR-2026!");
  await page.getByRole("button", { name: "Se connecter" }).click();
  // The second-factor step keeps the return path (issue 19).
  await passSecondFactor(page, admin.email);
  await expect(page).toHaveURL(/\/administration$/);
  await expect(page.getByRole("heading", { level: 2, name: "Derniers événements" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Connexion", exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});
