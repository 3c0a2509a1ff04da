import { expect, type Page } from "@playwright/test";

// Mail as a person reads it: the development mailbox of the first e2e instance (/courriels, MAIL_DEV_MAILBOX=on).

/** The path of the first link to `path`/… in the newest message to `email` whose subject matches. */
export async function linkFromMailbox(page: Page, email: string, subject: RegExp, path: string): Promise<string> {
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  const message = page.getByRole("article", { name: subject }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link", { name: new RegExp(`${path}/`) }).first().getAttribute("href");
  expect(href).toMatch(new RegExp(`${path}/[A-Za-z0-9_-]{43}$`));
  return new URL(href!).pathname;
}

/**
 * What a sign-up ends on: "Consultez votre messagerie". The person opens the verification mail, follows its link and
 * confirms: signed in, in the editor space.
 */
export async function confirmSignUpFromMailbox(page: Page, email: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();
  const link = await linkFromMailbox(page, email, /^Confirmez votre adresse e-mail/, "/confirmation-adresse");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirmer mon adresse et me connecter" }).click();
  await expect(page).toHaveURL(/\/editeur\?bienvenue=1$/);
}
