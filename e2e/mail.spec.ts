import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { signInAndLand } from "./support/session";

// A real delivery failure: the e2e worker's SMTP server refuses an address beginning with "rebond-" (550) the first
// time, as a disabled mailbox would, and accepts it once fixed.
test("an administrator sees a failed mail and resends it", async ({ page }) => {
  const email = `rebond-${Date.now()}${Math.floor(Math.random() * 1000)}@ans-demo.fr`;
  await signInAndLand(page, "admin@ans-demo.fr", "/instruction");
  await page.goto("/administration/instructeurs");
  await page.getByLabel(/^Nom et prénom/).fill("Camille Rebond");
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByText(email).first()).toBeVisible();

  await page.goto("/administration");
  await page.getByRole("link", { name: /Courriels en échec/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courriels en échec" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText("550");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expectAccessible(page);

  await row.getByRole("button", { name: `Renvoyer le courriel à ${email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Renvoi programmé" })).toContainText(email);
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  // Delivered this time: it does not come back to the list.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
});
