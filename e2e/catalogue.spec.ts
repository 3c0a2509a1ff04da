import { expect, test } from "./support/test";
import { demoAccounts } from "../scripts/demo/demo-accounts";
import { expectAccessible } from "./support/accessibility";
import { signInAndLand } from "./support/session";

const admin = demoAccounts.find((a) => a.roles.includes("ANS_ADMIN"))!;

test("an administrator adds a profile, gets a French error for an out-of-range quota, then saves a valid one", async ({ page }) => {
  // A profile of our own: other journeys run in parallel against the seeded profiles 0 to 4.
  const code = `e2e-${Date.now().toString(36).slice(-6)}${Math.floor(Math.random() * 100)}`;
  await signInAndLand(page, admin.email, "/instruction");
  await page.goto("/administration");
  await page.getByRole("link", { name: "Profils d'accès et quotas par défaut" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profils d'accès" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "0", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ajouter un profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un profil d'accès" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Code du profil/).fill(code);
  await page.getByLabel(/^Libellé/).fill(`Profil ${code} — modèle 3.0`);
  await page.getByLabel(/^Description/).fill("Profil de test du modèle d'exposition 3.0 <b>sans balise</b>.");
  await page.getByRole("button", { name: "Ajouter le profil" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Profil ${code} ajouté au catalogue` })).toBeVisible();
  await expect(page.getByText("Profil de test du modèle d'exposition 3.0 <b>sans balise</b>.")).toBeVisible();

  await page.getByRole("link", { name: `Modifier le profil ${code}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier le profil ${code}` })).toBeVisible();
  await expectAccessible(page);
  const authenticated = page.getByLabel(/^Appels par seconde sur une API authentifiée/);
  await authenticated.fill("5000");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const message = "Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.";
  await expect(page.locator("#level2AuthenticatedPerSecond-error")).toHaveText(message);
  await expect(authenticated).toHaveAttribute("aria-invalid", "true");
  await expect(authenticated).toHaveAttribute("aria-describedby", /level2AuthenticatedPerSecond-error/);
  await expectAccessible(page);

  await authenticated.fill("25");
  await page.getByLabel(/^Appels par seconde sur une API publique/).fill("12");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page).toHaveURL(/\/administration\/profils\?enregistre=/);
  await expect(page.getByRole("status").filter({ hasText: `Profil ${code} enregistré` })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: code, exact: true }) });
  await expect(row).toContainText("API authentifiée : 25");
  await expect(row).toContainText("API publique : 12");
  await expectAccessible(page);

  // Saved for real: the edit form opens with the new values.
  await row.getByRole("link", { name: `Modifier le profil ${code}` }).click();
  await expect(page.getByLabel(/^Appels par seconde sur une API authentifiée/)).toHaveValue("25");
});

test("an administrator sees the charter versions; a taken or malformed version number is refused next to the field", async ({ page }) => {
  // Publishing for real would put the banner on every other journey's organisation: see charter.int.test.ts.
  await signInAndLand(page, admin.email, "/instruction");
  await page.goto("/administration");
  await page.getByRole("link", { name: "Versions de la charte d'accès aux données" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Versions de la charte" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /version 0\.1/ })).toContainText("(en vigueur)");
  await expect(page.getByLabel(/^Texte de la charte/)).toHaveValue(/## 1\. Objet de la charte/);
  await expectAccessible(page);

  const version = page.getByLabel(/^Numéro de version/);
  await version.fill("version 2");
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.locator("#version-error")).toHaveText(
    "Saisissez un numéro de version fait de nombres séparés par des points, par exemple 0.2 ou 1.0.",
  );
  await version.fill("0.1");
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.locator("#version-error")).toHaveText("La version 0.1 existe déjà. Choisissez un autre numéro de version.");
  await expect(version).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("a reviewer cannot open the catalogue administration", async ({ page }) => {
  const reviewer = demoAccounts.find((a) => a.roles.includes("ANS_REVIEWER") && !a.roles.includes("ANS_ADMIN"))!;
  await signInAndLand(page, reviewer.email, "/instruction");
  expect((await page.goto("/administration/profils"))?.status()).toBe(403);
  expect((await page.goto("/administration/charte"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);
});
