import { expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../../scripts/demo/demo-accounts";
import { passSecondFactor } from "./second-factor";

// The demo ANS accounts need a one-time code at every sign-in, each code usable once (issue 19): a worker signs in
// once per such account and reuses the session's cookie in the next tests, as long as the session lives and its
// second-factor check is recent (a sensitive act asks for a fresh one after 10 minutes: reuse stops well before).
const REUSE_FOR_MS = 4 * 60_000;
const staff = new Set(demoAccounts.filter((a) => !a.roles.includes("EDITOR")).map((a) => a.email));
const reusable = new Map<string, { cookies: Cookie[]; at: number }>();

const landedOnAPage = (page: Page) => {
  const { pathname } = new URL(page.url());
  return !pathname.startsWith("/connexion") && !pathname.startsWith("/compte/");
};

async function reuseSession(page: Page, email: string): Promise<boolean> {
  const kept = reusable.get(email);
  if (!kept || Date.now() - kept.at > REUSE_FOR_MS) return false;
  await page.context().addCookies(kept.cookies);
  await page.goto("/espace");
  if (landedOnAPage(page)) return true;
  // Signed out, revoked or gated since: a real sign-in.
  reusable.delete(email);
  await page.context().clearCookies();
  return false;
}

/**
 * Signs in through the form. An account with a second factor (every ANS account) passes the step after the password
 * with a fresh code (e2e/support/second-factor.ts); a refused sign-in stays on the form with its alert. A demo ANS
 * account with the demo password may get the worker's live session instead (`fresh: true` forbids it).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { fresh?: boolean } = {}) {
  const shareable = staff.has(email) && password === DEMO_PASSWORD && !options.fresh;
  if (shareable && (await reuseSession(page, email))) return;
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // The answer: another page, or an alert on this one.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/connexion"), { timeout: 20_000 }),
    page.getByRole("alert").filter({ hasText: "Connexion impossible" }).waitFor({ timeout: 20_000 }),
  ]).catch(() => undefined);
  if (new URL(page.url()).pathname === "/compte/second-facteur/verification") await passSecondFactor(page, email);
  if (shareable && landedOnAPage(page)) {
    const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    if (cookies.length > 0) reusable.set(email, { cookies, at: Date.now() });
  }
}

export async function signInAndLand(page: Page, email: string, path: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${path}(\\?.*)?$`));
}
