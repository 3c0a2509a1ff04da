import { expect, test } from "./support/test";
import { SIGN_IN_LIMITS } from "../lib/auth/sign-in-limit";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

// The e2e server runs a second identical instance on the next port, on the same database (scripts/e2e-server.ts).
const secondInstance = `http://localhost:${Number(process.env.E2E_PORT ?? "3100") + 1}`;
const PASSWORD = "une phrase de passe solide";

test.beforeAll(async () => {
  await expect
    .poll(async () => (await fetch(`${secondInstance}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
});

test("two instances share one database: an account made on one works on the other", async ({ page }) => {
  const email = uniqueEmail("deux");
  const legalName = `Deux Instances ${Date.now()}`;
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Noé Double");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(legalName);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("1 place Bellecour, 69002 Lyon");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);

  // The session made by the first instance is honoured by the second, which reads the same rows.
  await page.goto(`${secondInstance}/editeur`);
  await expect(page.getByRole("heading", { name: legalName })).toBeVisible();
  await expectAccessible(page);
});

test("the sign-in limit holds across instances", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("limite");
  async function attempt(index: number): Promise<string> {
    await page.goto(`${index % 2 === 0 ? "" : secondInstance}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("mauvais mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    return (await page.getByRole("alert").filter({ hasText: "Connexion impossible" }).textContent()) ?? "";
  }
  for (let i = 0; i < SIGN_IN_LIMITS.freeFailuresPerPair; i++) expect(await attempt(i)).toContain("Adresse e-mail ou mot de passe incorrect.");
  // From then on the pair (this account, this address) waits 1, 2, 4 … s between attempts, whichever instance
  // answers: alternating, the next attempts soon arrive too early.
  let refusal = "";
  for (let i = SIGN_IN_LIMITS.freeFailuresPerPair; i < 12 && !refusal; i++) {
    const text = await attempt(i);
    if (text.includes("Trop d'échecs")) refusal = text;
  }
  expect(refusal).toMatch(/Trop d'échecs de connexion pour ce compte depuis votre adresse réseau\. Réessayez dans \d+ secondes?\./);
  await context.close();
});
