import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { confirmStepUp, enrolTotp, freshCode, passSecondFactor } from "./support/second-factor";
import { signIn } from "./support/session";

// Second factors of ANS staff (issue 19). Codes are computed from the secret the page shows, as an app would.
const ADMIN = "admin@ans-demo.fr";
const port = Number(process.env.E2E_PORT ?? "3100");
// The instance whose step-up window is 20 s (STEP_UP_WINDOW_SECONDS, test-only): the session cookie is the same.
const shortStepUp = `http://localhost:${port + 1}`;

test("an ANS reviewer's first sign-in enrols an authenticator app, then every sign-in asks for a code", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, ADMIN, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/instruction/);
  await page.goto("/administration/instructeurs");
  const email = `double.${Date.now()}@ans-demo.fr`;
  await page.getByLabel(/^Nom et prénom/).fill("Dora Double");
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const oneTimePassword = (await page.getByTestId("mot-de-passe-unique").textContent())!.trim();

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, email, oneTimePassword);
  const own = "la phrase de Dora pour instruire";
  await reviewer.getByLabel(/^Nouveau mot de passe/).fill(own);
  await reviewer.getByLabel("Confirmation du nouveau mot de passe").fill(own);
  await reviewer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();

  // Nothing before the enrolment.
  await expect(reviewer).toHaveURL(/\/compte\/second-facteur\/activation$/);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Activez votre second facteur" })).toBeVisible();
  await expect(reviewer.getByRole("img", { name: /Code QR/ })).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.goto("/instruction");
  await expect(reviewer).toHaveURL(/\/compte\/second-facteur\/activation/);
  // A wrong code: a French message, nothing enabled.
  await reviewer.getByLabel(/^Code de vérification/).fill("000000");
  await reviewer.getByRole("button", { name: "Activer" }).click();
  await expect(reviewer.locator("#enrolment-code-error")).toContainText("Code incorrect");
  const recoveryCodes = await enrolTotp(reviewer, email);
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(reviewer);
  await reviewer.getByRole("link", { name: "J'ai noté mes codes de secours, continuer" }).click();
  await expect(reviewer).toHaveURL(/\/instruction$/);

  await reviewer.goto("/compte/second-facteur");
  await expect(reviewer.getByRole("heading", { level: 1, name: "Second facteur" })).toBeVisible();
  await expect(reviewer.getByText("10 codes de secours inutilisés")).toBeVisible();
  await expectAccessible(reviewer);

  // Sign out, then in again: the password, then a code, and back where the person was going.
  await reviewer.getByRole("button", { name: "Se déconnecter" }).click();
  // The sign-out's redirect first: a navigation started before it would cancel it.
  await expect(reviewer).toHaveURL(/\/connexion/);
  await reviewer.goto("/instruction/liste-blanche");
  await expect(reviewer).toHaveURL(/\/connexion\?retour=/);
  await reviewer.getByLabel("Adresse e-mail").fill(email);
  await reviewer.getByLabel("Mot de passe").fill(own);
  await reviewer.getByRole("button", { name: "Se connecter" }).click();
  await expect(reviewer).toHaveURL(/\/compte\/second-facteur\/verification\?retour=/);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Code de vérification" })).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByLabel(/^Code de vérification/).fill("12345");
  await reviewer.getByRole("button", { name: "Vérifier" }).click();
  await expect(reviewer.locator("#sign-in-code-error")).toContainText("Code incorrect");
  // A recovery code works once.
  await reviewer.getByLabel(/^Code de vérification/).fill(recoveryCodes[0]!);
  await reviewer.getByRole("button", { name: "Vérifier" }).click();
  await expect(reviewer).toHaveURL(/\/instruction\/liste-blanche$/);
  await reviewer.getByRole("button", { name: "Se déconnecter" }).click();
  await signIn(reviewer, email, own);
  await expect(reviewer).toHaveURL(/\/instruction$/);
  await reviewer.context().close();
});

test("an administrator creating an API token is asked for a fresh code, and what was typed is kept", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/instruction/);
  // Past the 20-second window of that instance.
  await page.waitForTimeout(21_000);
  await page.goto(`${shortStepUp}/administration/jetons`);
  await expect(page.getByRole("heading", { level: 1, name: "Jetons d'API de la passerelle" })).toBeVisible();
  const name = `Passerelle step-up ${Date.now()}`;
  await page.getByLabel(/^Nom du jeton/).fill(name);
  await page.getByRole("button", { name: "Créer le jeton" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirmez votre identité" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  // A wrong code: the dialog stays, says why.
  await dialog.getByLabel(/^Code de vérification/).fill("000000");
  await dialog.getByRole("button", { name: "Confirmer et continuer" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Code incorrect");
  await confirmStepUp(page, ADMIN);
  await expect(page.getByRole("status").filter({ hasText: `Jeton « ${name} » créé` })).toBeVisible();
  expect(await page.getByLabel("Jeton d'API", { exact: true }).inputValue()).toMatch(/^rorwl_/);
});

test("a step-up-protected action posted without a fresh check answers 403 and changes nothing", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN, undefined, { fresh: true });
  await page.waitForTimeout(21_000);
  await page.goto(`${shortStepUp}/administration/autorites`);
  // The upload endpoint of the CA list, posted directly: refused, in French.
  const response = await page.request.post(`${shortStepUp}/api/administration/autorites`, {
    multipart: { environment: "TEST", pem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" },
    headers: { Origin: shortStepUp },
  });
  expect(response.status()).toBe(403);
  expect(JSON.stringify(await response.json())).toContain("confirmer votre identité");
  // A code typed now opens the window again on the ordinary instance too.
  expect(await freshCode(ADMIN)).toMatch(/^\d{6}$/);
});

test("the sign-in step keeps the return path and refuses a replayed code", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto("/administration/jetons");
  await page.getByLabel("Adresse e-mail").fill(ADMIN);
  await page.getByLabel("Mot de passe").fill("Demo-ROR-2026!");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/compte\/second-facteur\/verification\?retour=%2Fadministration%2Fjetons$/);
  const code = await freshCode(ADMIN);
  await page.getByLabel(/^Code de vérification/).fill(code);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page).toHaveURL(/\/administration\/jetons$/);

  // The same code, at once, in another browser: refused.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/connexion");
  await other.getByLabel("Adresse e-mail").fill(ADMIN);
  await other.getByLabel("Mot de passe").fill("Demo-ROR-2026!");
  await other.getByRole("button", { name: "Se connecter" }).click();
  await other.getByLabel(/^Code de vérification/).fill(code);
  await other.getByRole("button", { name: "Vérifier" }).click();
  await expect(other.locator("#sign-in-code-error")).toContainText("déjà servi");
  await other.goto("/instruction");
  await expect(other).toHaveURL(/\/compte\/second-facteur\/verification/);
  await passSecondFactor(other, ADMIN);
  await other.context().close();
});
