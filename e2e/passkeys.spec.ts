import type { CDPSession, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { signIn } from "./support/session";

// Passkeys as a second factor (issue 19, ADR 0060), through Chromium's virtual authenticators (CDP). The journey uses
// a reviewer account of its own: the demo ANS accounts never get a passkey.
const ADMIN = "admin@ans-demo.fr";
const port = Number(process.env.E2E_PORT ?? "3100");
// The instance whose step-up window is 20 s (STEP_UP_WINDOW_SECONDS, test-only): the session cookie is the same.
const shortStepUp = `http://localhost:${port + 1}`;

/** A security key that is always touched and verifies its user; only the latest one plugged in answers. */
async function plugAuthenticator(cdp: CDPSession, previous?: string): Promise<string> {
  if (previous) await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: previous });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return authenticatorId;
}

async function addPasskey(page: Page, name: string) {
  await page.getByLabel(/^Nom de la clé d'accès/).fill(name);
  await page.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
}

test("a reviewer enrols with a passkey, adds a second one, signs in and confirms a sensitive act with it", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, ADMIN, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/instruction/);
  await page.goto("/administration/instructeurs");
  const email = `cle.${Date.now()}@ans-demo.fr`;
  await page.getByLabel(/^Nom et prénom/).fill("Paule Clé");
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const oneTimePassword = (await page.getByTestId("mot-de-passe-unique").textContent())!.trim();

  const reviewer = await (await browser.newContext()).newPage();
  const cdp = await reviewer.context().newCDPSession(reviewer);
  await cdp.send("WebAuthn.enable");
  const first = await plugAuthenticator(cdp);
  await signIn(reviewer, email, oneTimePassword);
  const own = "la phrase de Paule pour instruire";
  await reviewer.getByLabel(/^Nouveau mot de passe/).fill(own);
  await reviewer.getByLabel("Confirmation du nouveau mot de passe").fill(own);
  await reviewer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();

  // The enrolment gate: a passkey instead of the app. No name: a French error next to the field, nothing created.
  await expect(reviewer).toHaveURL(/\/compte\/second-facteur\/activation$/);
  await reviewer.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
  await expect(reviewer.locator("#passkey-name-error")).toContainText("Donnez un nom à cette clé d'accès.");
  await addPasskey(reviewer, "Clé du bureau");
  await expect(reviewer.getByText("Clé d'accès « Clé du bureau » ajoutée.")).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByRole("link", { name: "Continuer" }).click();
  await expect(reviewer).toHaveURL(/\/instruction$/);

  // A second key from /compte: both listed; the first one is removable now that another remains.
  await reviewer.goto("/compte/second-facteur");
  await expect(reviewer.getByRole("heading", { level: 2, name: "Clés d'accès" })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: /Retirer la clé d'accès/ })).toHaveCount(0);
  // Another authenticator (the first one unplugged): it holds none of the account's keys, so it may make one.
  await plugAuthenticator(cdp, first);
  await addPasskey(reviewer, "Téléphone");
  await expect(reviewer.getByRole("status")).toContainText("Clé d'accès « Téléphone » ajoutée.");
  const list = reviewer.getByRole("list", { name: "Vos clés d'accès" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list).toContainText("jamais utilisée");
  await expectAccessible(reviewer);

  // Sign out, then in: the password, then the passkey (the account has no app: no code field).
  await reviewer.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(reviewer).toHaveURL(/\/connexion/);
  await reviewer.goto("/instruction/liste-blanche");
  await reviewer.getByLabel("Adresse e-mail").fill(email);
  await reviewer.getByLabel("Mot de passe").fill(own);
  await reviewer.getByRole("button", { name: "Se connecter" }).click();
  await expect(reviewer).toHaveURL(/\/compte\/second-facteur\/verification\?retour=/);
  await expect(reviewer.getByLabel(/^Code de vérification/)).toHaveCount(0);
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Utiliser une clé d'accès" }).click();
  await expect(reviewer).toHaveURL(/\/instruction\/liste-blanche$/);

  // Past the 20-second window of that instance, removing a key asks for a fresh check: the passkey again.
  await reviewer.waitForTimeout(21_000);
  await reviewer.goto(`${shortStepUp}/compte/second-facteur`);
  await reviewer.getByRole("button", { name: "Retirer la clé d'accès « Clé du bureau »" }).click();
  await reviewer.getByRole("button", { name: "Confirmer le retrait de « Clé du bureau »" }).click();
  const dialog = reviewer.getByRole("dialog", { name: "Confirmez votre identité" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Code de vérification/)).toHaveCount(0);
  await expectAccessible(reviewer);
  await dialog.getByRole("button", { name: "Utiliser une clé d'accès" }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.getByRole("status")).toContainText("Clé d'accès « Clé du bureau » retirée.");
  // The last one stays: an ANS account keeps a second factor.
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Téléphone");
  await expect(list).toContainText("dernière utilisation le");
  await expect(reviewer.getByRole("button", { name: /Retirer la clé d'accès/ })).toHaveCount(0);
  await expect(reviewer.getByText(/ne pouvez pas retirer le dernier/)).toBeVisible();
  await reviewer.context().close();
});
