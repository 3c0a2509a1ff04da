import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { totpCodeAt, timeStep, TOTP_PERIOD_SECONDS } from "../../lib/second-factor/totp";
import { DEMO_TOTP_SECRET, demoAccounts } from "../../scripts/demo/demo-accounts";

// The portal accepts each TOTP code once, and no older one after it (issue 19). Parallel workers signing in as the
// same demo account must therefore never use the same time step twice: every code the run uses is reserved here, in
// one file shared by the workers of this run (keyed by E2E_PORT), under a lock. A sign-in takes the current step,
// or the next one (which the portal accepts, ±1 step) when the current one was taken; beyond that it waits for the
// step to come. Nothing is retried blindly: a code the portal refuses fails the test.

const secrets = new Map<string, string>(demoAccounts.filter((a) => !a.roles.includes("EDITOR")).map((a) => [a.email, DEMO_TOTP_SECRET]));

/** The secret a spec read while enrolling an account of its own. */
export function rememberTotpSecret(email: string, secret: string): void {
  secrets.set(email, secret.replace(/\s/g, ""));
}

export function totpSecretOf(email: string): string {
  const secret = secrets.get(email);
  if (!secret) throw new Error(`Pas de secret TOTP connu pour ${email}`);
  return secret;
}

const port = process.env.E2E_PORT ?? "3100";
const ledger = path.join(os.tmpdir(), `ror-e2e-totp-steps-${port}.json`);
const lock = `${ledger}.lock`;

function withLock<T>(run: () => T): T {
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (tries > 2000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A time step no other sign-in of this run used for `email`, and how long to wait before its code is accepted. */
function reserveStep(email: string): { step: number; waitMs: number } {
  return withLock(() => {
    let used: Record<string, number> = {};
    try {
      used = JSON.parse(readFileSync(ledger, "utf8")) as Record<string, number>;
    } catch {
      used = {};
    }
    const now = timeStep(new Date());
    const step = Math.max(now, (used[email] ?? 0) + 1);
    used[email] = step;
    writeFileSync(ledger, JSON.stringify(used));
    // Accepted from the step before it (the portal's window is ±1 step), with a second of margin.
    const validFrom = (step - 1) * TOTP_PERIOD_SECONDS * 1000 + 1000;
    return { step, waitMs: Math.max(0, validFrom - Date.now()) };
  });
}

/** A fresh code for `email`, never used before in this run. */
export async function freshCode(email: string): Promise<string> {
  const { step, waitMs } = reserveStep(email);
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  return totpCodeAt(totpSecretOf(email), step);
}

/** The sign-in step after the password: types a fresh code, then lands where the portal sends. */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/compte\/second-facteur\/verification/);
  // Reserved in order, codes may reach the portal out of order across workers: an older step than one another
  // worker just used is refused as replayed. Then a newer step is reserved, at most twice.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel(/^Code de vérification/).fill(await freshCode(email));
    await page.getByRole("button", { name: "Vérifier" }).click();
    const refused = page.locator("#sign-in-code-error").filter({ hasText: "déjà servi" });
    await Promise.race([page.waitForURL((url) => !url.pathname.startsWith("/compte/second-facteur/verification"), { timeout: 15_000 }), refused.waitFor({ timeout: 15_000 })]).catch(() => undefined);
    if (!(await refused.isVisible())) break;
  }
  await expect(page).not.toHaveURL(/\/compte\/second-facteur\/verification/, { timeout: 15_000 });
}

/** Enrols an authenticator app from the page that shows its secret; returns the recovery codes shown once. */
export async function enrolTotp(page: Page, email: string): Promise<string[]> {
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  rememberTotpSecret(email, secret);
  await page.getByLabel(/^Code de vérification/).fill(await freshCode(email));
  await page.getByRole("button", { name: "Activer" }).click();
  const list = page.getByRole("list", { name: "Codes de secours" });
  await expect(list).toBeVisible();
  return (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
}

/** The step-up dialog of a sensitive act: a fresh code, then the act goes on. */
export async function confirmStepUp(page: Page, email: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Confirmez votre identité" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Code de vérification/).fill(await freshCode(email));
  await dialog.getByRole("button", { name: "Confirmer et continuer" }).click();
  await expect(dialog).toBeHidden();
}
