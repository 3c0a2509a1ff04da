import { type Browser, type Page } from "@playwright/test";
import { enrolTotp } from "./support/second-factor";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox, linkFromMailbox } from "./support/mailbox";
import { signIn } from "./support/session";

// Accounts as people use them (issue 15, ADR 0020 to 0022): verified addresses, recovery, the account page, the forced
// first change of a one-time password, administrators disabling an editor account. Each journey makes the accounts it
// changes; the shared demo accounts only administer.

const PASSWORD = "une phrase de passe solide";
const ADMIN = "admin@ans-demo.fr";

async function fillSignUp(page: Page, email: string, name: string) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(`Comptes ${name} ${Date.now()}`);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("2 rue des Comptes, 35000 Rennes");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
}

/** A new editor of their own, signed up and verified through the pages, signed in on `page`. */
async function newEditor(page: Page, tag: string, name = "Camille Comptes"): Promise<string> {
  const email = uniqueEmail(tag);
  await fillSignUp(page, email, name);
  await confirmSignUpFromMailbox(page, email);
  return email;
}

async function signedInElsewhere(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/editeur$/);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/editeur");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fediteur$/);
}

test("sign up, sign in before confirming (only the page that says what to do), confirm from the mailbox, then work", async ({ page }) => {
  const email = uniqueEmail("verifiee");
  await fillSignUp(page, email, "Valérie Vérifiée");
  await expect(page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();

  // Signed in before confirming: the gate's page, and nothing else.
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/compte\/adresse-a-confirmer$/);
  await expect(page.getByRole("heading", { level: 1, name: "Confirmez votre adresse e-mail" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/editeur/organisation");
  await expect(page).toHaveURL(/\/compte\/adresse-a-confirmer$/);
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace éditeur" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Mon compte" })).toHaveCount(0);
  // A resend within 10 minutes of the first mail is refused, in French.
  await page.getByRole("button", { name: "Renvoyer le lien de confirmation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Aucun lien n'a été envoyé" })).toContainText("Un lien vous a été envoyé il y a moins de 10 minutes");

  const link = await linkFromMailbox(page, email, /^Confirmez votre adresse e-mail/, "/confirmation-adresse");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirmez votre adresse e-mail" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer mon adresse et me connecter" }).click();
  await expect(page).toHaveURL(/\/editeur\?bienvenue=1$/);
  await page.getByRole("link", { name: "Gérer l'organisation et ses membres" }).click();
  await expect(page).toHaveURL(/\/editeur\/organisation/);
  await expect(page.getByRole("row", { name: /Valérie Vérifiée/ })).toContainText("Représentant légal");

  // The link served once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de confirmation a déjà été utilisé" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/confirmation-adresse/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de confirmation est introuvable" })).toBeVisible();
});

test("a forgotten password: the same answer for any address, a reset from the mailbox, and the other browser is signed out", async ({ page, browser }) => {
  const email = await newEditor(page, "oublieuse", "Olga Oublieuse");
  const other = await signedInElsewhere(browser, email);
  await page.getByRole("button", { name: "Se déconnecter" }).click();

  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
  await expectAccessible(page);
  const answerFor = async (address: string) => {
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail").fill(address);
    await page.getByRole("button", { name: "Recevoir un lien de réinitialisation" }).click();
    const status = page.getByRole("status").filter({ hasText: "Si un compte utilise cette adresse" });
    await expect(status).toBeVisible();
    return status.textContent();
  };
  const known = await answerFor(email);
  expect(await answerFor(uniqueEmail("personne"))).toBe(known);

  const link = await linkFromMailbox(page, email, /^Réinitialisation de votre mot de passe/, "/mot-de-passe-oublie");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisissez un nouveau mot de passe" })).toBeVisible();
  await expectAccessible(page);
  // The old password again, then a weak one: French messages next to the field, nothing changed.
  await page.getByLabel(/^Nouveau mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du nouveau mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page.locator("#password-error")).toHaveText("Le nouveau mot de passe doit être différent de l'actuel.");
  await page.getByLabel(/^Nouveau mot de passe/).fill("Bonjour123456");
  await page.getByLabel("Confirmation du nouveau mot de passe").fill("Bonjour123456");
  await expect(page.getByTestId("robustesse-mot-de-passe")).toContainText("trop facile à deviner");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page.locator("#password-error")).toContainText("Ce mot de passe est trop facile à deviner.");
  await expectAccessible(page);

  const fresh = "nouvelle phrase de passe retrouvée";
  await page.getByLabel(/^Nouveau mot de passe/).fill(fresh);
  await page.getByLabel("Confirmation du nouveau mot de passe").fill(fresh);
  await expect(page.getByTestId("robustesse-mot-de-passe")).toContainText("Ce mot de passe sera accepté.");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?mot-de-passe=modifie$/);
  await expect(page.getByText("Votre mot de passe est modifié")).toBeVisible();

  // Every session of the account ended: the other browser too.
  await expectSignedOut(other);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Connexion impossible" })).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await signIn(page, email, fresh);
  await expect(page).toHaveURL(/\/editeur$/);
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  await expect(page.getByRole("article", { name: "Votre mot de passe a été modifié" })).toContainText("depuis un lien de réinitialisation");
  // The link served once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de réinitialisation a déjà été utilisé" })).toBeVisible();
  await other.context().close();
});

test("the account page: change the password (other sessions end), change the address through the new one", async ({ page, browser }) => {
  const email = await newEditor(page, "compte", "Marius Moncompte");
  const other = await signedInElsewhere(browser, email);

  await page.getByRole("link", { name: "Mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Sessions ouvertes/ }).getByRole("row")).toHaveCount(3);
  await expectAccessible(page);

  const passwordForm = page.getByRole("region", { name: "Mot de passe" });
  await passwordForm.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
  await passwordForm.getByLabel(/^Nouveau mot de passe/).fill("ma toute nouvelle phrase 2026");
  await passwordForm.getByLabel("Confirmation du nouveau mot de passe").fill("ma toute nouvelle phrase 2026");
  await passwordForm.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(passwordForm.getByText("Mot de passe actuel incorrect.")).toBeVisible();
  await passwordForm.getByLabel("Mot de passe actuel").fill(PASSWORD);
  await passwordForm.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre mot de passe est modifié. Vos autres sessions ont été fermées." })).toBeVisible();
  await expectAccessible(page);
  await expectSignedOut(other);
  await page.reload();
  await expect(page.getByRole("region", { name: /Sessions ouvertes/ }).getByRole("row")).toHaveCount(2);

  // The address changes only once the new one is confirmed; the old one is told.
  const newEmail = uniqueEmail("nouvelle-adresse");
  const addressForm = page.getByRole("region", { name: "Adresse e-mail" });
  await addressForm.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
  await addressForm.getByLabel("Mot de passe actuel").fill("ma toute nouvelle phrase 2026");
  await addressForm.getByRole("button", { name: "Changer d'adresse" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Un lien de confirmation a été envoyé à ${newEmail}` })).toBeVisible();
  await expect(addressForm.getByText("Changement d'adresse en attente")).toBeVisible();
  const link = await linkFromMailbox(page, newEmail, /^Confirmez votre nouvelle adresse e-mail/, "/confirmation-adresse");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirmez votre nouvelle adresse e-mail" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
  await expect(page).toHaveURL(/\/compte\?fait=adresse$/);
  await expect(page.getByText("Votre nouvelle adresse e-mail est confirmée")).toBeVisible();
  await expect(page.getByRole("region", { name: "Adresse e-mail" })).toContainText(newEmail);
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  await expect(page.getByRole("article", { name: "L'adresse e-mail de votre compte a été modifiée" })).toContainText(`utilise l'adresse ${newEmail}`);
  await other.context().close();
});

test("sign out of one session, then of every other, from the account page", async ({ page, browser }) => {
  const email = await newEditor(page, "sessions", "Sacha Sessions");
  const laptop = await signedInElsewhere(browser, email);
  const phone = await signedInElsewhere(browser, email);
  await page.goto("/compte");
  const sessions = page.getByRole("region", { name: /Sessions ouvertes/ });
  await expect(sessions.getByRole("row")).toHaveCount(4);
  await expect(sessions.getByRole("row").nth(1)).toContainText("(cette session)");

  // The current session's own button signs out; the others' end that session.
  await sessions.getByRole("button", { name: /^Se déconnecter de cette session \((?!celle-ci)/ }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "La session est fermée" })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(3);
  const [laptopOut, phoneOut] = await Promise.all(
    [laptop, phone].map(async (p) => {
      await p.goto("/editeur");
      return /\/connexion/.test(p.url());
    }),
  );
  expect([laptopOut, phoneOut].filter(Boolean)).toHaveLength(1);

  await page.getByRole("button", { name: "Se déconnecter partout ailleurs" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 autre session fermée." })).toBeVisible();
  await expectAccessible(page);
  await expectSignedOut(laptop);
  await expectSignedOut(phone);
  await page.goto("/editeur");
  await expect(page).toHaveURL(/\/editeur$/);
  await laptop.context().close();
  await phone.context().close();
});

test("an ANS account's first sign-in must replace its one-time password, which then stops working", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/instruction/);
  await page.goto("/administration/instructeurs");
  const email = `premiere.${Date.now()}@ans-demo.fr`;
  await page.getByLabel(/^Nom et prénom/).fill("Prune Première");
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const oneTimePassword = (await page.getByTestId("mot-de-passe-unique").textContent())!.trim();

  const newcomer = await (await browser.newContext()).newPage();
  await signIn(newcomer, email, oneTimePassword);
  await expect(newcomer).toHaveURL(/\/compte\/nouveau-mot-de-passe$/);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Choisissez votre mot de passe" })).toBeVisible();
  await expectAccessible(newcomer);
  // Nothing else before it.
  await newcomer.goto("/instruction");
  await expect(newcomer).toHaveURL(/\/compte\/nouveau-mot-de-passe$/);
  await newcomer.getByLabel(/^Nouveau mot de passe/).fill(oneTimePassword);
  await newcomer.getByLabel("Confirmation du nouveau mot de passe").fill(oneTimePassword);
  await newcomer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(newcomer.locator("#password-error")).toHaveText("Le nouveau mot de passe doit être différent de l'actuel.");
  const own = "la phrase de Prune pour instruire";
  await newcomer.getByLabel(/^Nouveau mot de passe/).fill(own);
  await newcomer.getByLabel("Confirmation du nouveau mot de passe").fill(own);
  await newcomer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  // Then an ANS account enrols a second factor before anything else (issue 19).
  await expect(newcomer).toHaveURL(/\/compte\/second-facteur\/activation$/);
  await enrolTotp(newcomer, email);
  await newcomer.getByRole("link", { name: "J'ai noté mes codes de secours, continuer" }).click();
  await expect(newcomer).toHaveURL(/\/instruction$/);
  await newcomer.getByRole("button", { name: "Se déconnecter" }).click();

  // The one-time password opened its one session: it no longer works.
  await signIn(newcomer, email, oneTimePassword);
  await expect(newcomer.getByRole("alert").filter({ hasText: "Connexion impossible" })).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await signIn(newcomer, email, own);
  await expect(newcomer).toHaveURL(/\/instruction$/);

  // An administrator's reset: a new one-time password, the person's sessions end, the next sign-in replaces it again.
  await page.goto("/administration/instructeurs");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Réinitialiser le mot de passe de Prune Première" }).click();
  const reset = (await page.getByTestId("mot-de-passe-reinitialise").textContent())!.trim();
  expect(reset).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  await expectAccessible(page);
  await newcomer.goto("/instruction");
  await expect(newcomer).toHaveURL(/\/connexion/);
  await signIn(newcomer, email, reset);
  await expect(newcomer).toHaveURL(/\/compte\/nouveau-mot-de-passe$/);
  await newcomer.context().close();
});

test("an administrator disables an editor account with a reason, then re-enables it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const editor = await (await browser.newContext()).newPage();
  const email = await newEditor(editor, "desactivee", "Denise Désactivée");

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/instruction/);
  await page.goto("/administration");
  await page.getByRole("link", { name: "Comptes des éditeurs : désactiver ou réactiver" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Comptes des éditeurs" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nom, adresse e-mail ou organisation/).fill(email);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("link", { name: "Denise Désactivée" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Denise Désactivée" })).toBeVisible();
  await expectAccessible(page);

  await page.getByText("Désactiver le compte", { exact: true }).first().click();
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByText("Indiquez le motif (5 caractères au moins) : il est communiqué à la personne.")).toBeVisible();
  await expect(page.getByText("Cochez la case pour confirmer.")).toBeVisible();
  await page.getByLabel(/^Motif de la désactivation/).fill("Usage du compte contraire à la charte");
  await page.getByLabel(/^Je confirme désactiver le compte de Denise Désactivée/).check();
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le compte est désactivé" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Historique du statut" })).toContainText("Motif : Usage du compte contraire à la charte");
  await expectAccessible(page);

  // The person's next request is anonymous, and signing in fails like a wrong password.
  await expectSignedOut(editor);
  await signIn(editor, email, PASSWORD);
  await expect(editor.getByRole("alert").filter({ hasText: "Connexion impossible" })).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await editor.goto(`/courriels?a=${encodeURIComponent(email)}`);
  await expect(editor.getByRole("article", { name: "Votre compte sur le portail d'adhésion au ROR a été désactivé" })).toContainText("Motif : Usage du compte contraire à la charte");

  await page.getByText("Réactiver le compte", { exact: true }).first().click();
  await page.getByLabel(/^Motif de la réactivation/).fill("Situation régularisée avec l'éditeur");
  await page.getByLabel(/^Je confirme réactiver le compte de Denise Désactivée/).check();
  await page.getByRole("button", { name: "Réactiver le compte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le compte est réactivé" })).toBeVisible();
  await signIn(editor, email, PASSWORD);
  await expect(editor).toHaveURL(/\/editeur$/);
  await editor.context().close();
});
