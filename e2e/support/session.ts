import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../scripts/demo/demo-accounts";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function signInAndLand(page: Page, email: string, path: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${path}(\\?.*)?$`));
}
