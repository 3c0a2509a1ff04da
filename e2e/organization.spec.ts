import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const PASSWORD = "une phrase de passe solide";

/** A new editor signs up through the form, as its legal representative, and lands in the editor space. */
async function signUpThroughUi(page: Page, legalName: string) {
  const email = uniqueEmail("fondatrice");
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Agathe Fondatrice");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(legalName);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("8 rue des Tanneurs, 67000 Strasbourg");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  return email;
}

async function openOrganizationPage(page: Page, legalName: string) {
  await page.getByRole("link", { name: "Gérer l'organisation et ses membres" }).click();
  await expect(page).toHaveURL(/\/editeur\/organisation/);
  await expect(page.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
}

async function invitationLinkFor(page: Page, email: string): Promise<string> {
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { level: 2, name: /Invitation à rejoindre/ }).first()).toBeVisible();
  await expectAccessible(page);
  const href = await page.getByRole("link", { name: /\/invitation\// }).first().getAttribute("href");
  expect(href).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
  return new URL(href!).pathname;
}

test("an editor invites a colleague, who joins with a password and is then named legal representative", async ({ page, browser }) => {
  const legalName = `Logiciels Rivière ${Date.now()}`;
  await signUpThroughUi(page, legalName);
  await expectAccessible(page);
  await openOrganizationPage(page, legalName);
  await expect(page.getByRole("row", { name: /Agathe Fondatrice/ })).toContainText("Représentant légal");
  await expect(page.getByText("Aucune invitation en attente.")).toBeVisible();
  await expectAccessible(page);

  const colleague = uniqueEmail("bastien");
  await page.getByLabel(/^Adresse e-mail de votre collègue/).fill(colleague);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation envoyée à ${colleague}` })).toBeVisible();
  const pendingRow = page.getByRole("row", { name: new RegExp(colleague.replace(/\./g, "\\.")) });
  await expect(pendingRow).toContainText("Membre de l'équipe");
  await expect(pendingRow).toContainText("Agathe Fondatrice");
  await expectAccessible(page);

  // The colleague, in another browser, opens the link of the e-mail.
  const other = await browser.newContext();
  const colleaguePage = await other.newPage();
  const link = await invitationLinkFor(colleaguePage, colleague);
  await colleaguePage.goto(link);
  await expect(colleaguePage.getByRole("heading", { level: 1, name: `Rejoindre ${legalName}` })).toBeVisible();
  await expect(colleaguePage.getByText(colleague).first()).toBeVisible();
  await expectAccessible(colleaguePage);

  // A mismatched confirmation first: a French message next to the field, nothing created.
  await colleaguePage.getByLabel("Nom et prénom").fill("Bastien Collègue");
  await colleaguePage.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await colleaguePage.getByLabel("Confirmation du mot de passe").fill("une autre phrase de passe");
  await colleaguePage.getByRole("button", { name: "Créer mon compte et rejoindre l'organisation" }).click();
  await expect(colleaguePage.getByText("Les deux mots de passe ne correspondent pas.")).toBeVisible();
  await expectAccessible(colleaguePage);
  await colleaguePage.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await colleaguePage.getByRole("button", { name: "Créer mon compte et rejoindre l'organisation" }).click();

  await expect(colleaguePage).toHaveURL(/\/editeur$/);
  await expect(colleaguePage.getByRole("heading", { level: 2, name: legalName })).toBeVisible();
  await expect(colleaguePage.getByRole("row", { name: /Bastien Collègue/ })).toContainText("Membre de l'équipe");
  await expectAccessible(colleaguePage);

  // A team member sees the people but cannot manage roles.
  await openOrganizationPage(colleaguePage, legalName);
  await expect(colleaguePage.getByRole("button", { name: /Désigner représentant légal/ })).toHaveCount(0);
  await expect(colleaguePage.getByText("Seul un représentant légal peut inviter un autre représentant légal.")).toBeVisible();
  await expectAccessible(colleaguePage);

  // The link worked once.
  await colleaguePage.goto(link);
  await expect(colleaguePage.getByRole("heading", { level: 1, name: "Cette invitation a déjà été utilisée" })).toBeVisible();
  await expectAccessible(colleaguePage);

  // The legal representative names the colleague legal representative.
  await page.reload();
  await expect(page.getByText("Aucune invitation en attente.")).toBeVisible();
  const colleagueRow = page.getByRole("row", { name: /Bastien Collègue/ });
  await expect(colleagueRow).toContainText("Membre de l'équipe");
  await colleagueRow.getByRole("button", { name: /Désigner représentant légal/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bastien Collègue est maintenant représentant légal." })).toBeVisible();
  await expect(colleagueRow.getByRole("cell", { name: "Représentant légal", exact: true })).toBeVisible();
  await expectAccessible(page);
  await other.close();
});

test("the organisation page refuses bad input, keeps its last legal representative and cancels invitations", async ({ page, browser }) => {
  const legalName = `Éditions Moreau ${Date.now()}`;
  const founder = await signUpThroughUi(page, legalName);
  await openOrganizationPage(page, legalName);

  // Identity: a bad SIRET is refused next to its field.
  await page.getByLabel(/^Numéro SIRET/).fill("732 829 320 00075");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte).")).toBeVisible();
  await expect(page.getByLabel(/^Numéro SIRET/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel(/^Numéro SIRET/).fill(randomSiret());
  await page.getByLabel(/^Adresse postale/).fill("<script>alert(1)</script>\n9 rue Neuve, 67000 Strasbourg");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Les informations de l'organisation sont enregistrées.")).toBeVisible();

  // The only legal representative can be neither removed nor demoted.
  const founderRow = page.getByRole("row", { name: /Agathe Fondatrice/ });
  await expect(founderRow).toContainText("Dernier représentant légal");
  // Only the technical-contact role can be given to them (issue 22); nothing removes or demotes them.
  await expect(founderRow.getByRole("button")).toHaveText([/Désigner contact technique/]);

  // Inviting oneself: already a member.
  await page.getByLabel(/^Adresse e-mail de votre collègue/).fill(founder);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Cette personne est déjà membre de l'organisation.")).toBeVisible();
  await expect(page.getByLabel(/^Adresse e-mail de votre collègue/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // An invitation offered as legal representative, then cancelled: its link says so.
  const invited = uniqueEmail("claire");
  await page.getByLabel(/^Adresse e-mail de votre collègue/).fill(invited);
  await page.getByLabel("L'inviter comme représentant légal").check();
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  const row = page.getByRole("row", { name: new RegExp(invited.replace(/\./g, "\\.")) });
  await expect(row).toContainText("Représentant légal");
  const other = await browser.newContext();
  const invitedPage = await other.newPage();
  const link = await invitationLinkFor(invitedPage, invited);
  await invitedPage.goto(link);
  await expect(invitedPage.getByText("Représentant légal")).toBeVisible();

  await row.getByRole("button", { name: /Annuler l'invitation/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'invitation est annulée" })).toBeVisible();
  await expect(page.getByText("Aucune invitation en attente.")).toBeVisible();
  await expectAccessible(page);

  await invitedPage.reload();
  await expect(invitedPage.getByRole("heading", { level: 1, name: "Cette invitation a été annulée" })).toBeVisible();
  await expectAccessible(invitedPage);
  await other.close();
});

test("an unknown or malformed invitation link gets a French page that reveals nothing", async ({ page }) => {
  await page.goto(`/invitation/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Cette invitation est introuvable" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/invitation/pas-un-lien");
  await expect(page.getByRole("heading", { level: 1, name: "Cette invitation est introuvable" })).toBeVisible();
});

test("someone who already has an account signs in from the invitation, then confirms joining", async ({ page, browser }) => {
  const legalName = `Santé Connectée ${Date.now()}`;
  await signUpThroughUi(page, legalName);
  await openOrganizationPage(page, legalName);

  // The person invited already runs another organisation on the portal.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  const otherName = `Autre Éditeur ${Date.now()}`;
  const existing = await signUpThroughUi(otherPage, otherName);
  await otherContext.close();

  await page.getByLabel(/^Adresse e-mail de votre collègue/).fill(existing);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation envoyée à ${existing}` })).toBeVisible();

  const invitedContext = await browser.newContext();
  const invited = await invitedContext.newPage();
  const link = await invitationLinkFor(invited, existing);
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 2, name: "Vous avez déjà un compte" })).toBeVisible();
  await expectAccessible(invited);
  await invited.getByRole("link", { name: "Se connecter pour accepter" }).click();
  await expect(invited).toHaveURL(/\/connexion\?retour=/);
  await invited.getByLabel("Adresse e-mail").fill(existing);
  await invited.getByLabel("Mot de passe").fill(PASSWORD);
  await invited.getByRole("button", { name: "Se connecter" }).click();

  await expect(invited).toHaveURL(new RegExp(`${link}$`));
  await expectAccessible(invited);
  await invited.getByRole("button", { name: `Rejoindre ${legalName}` }).click();
  await expect(invited).toHaveURL(/\/editeur$/);
  // Exact names: each organisation also heads its own "Où en sont les services de …" section.
  await expect(invited.getByRole("heading", { level: 2, name: legalName, exact: true })).toBeVisible();
  await expect(invited.getByRole("heading", { level: 2, name: otherName, exact: true })).toBeVisible();
  await expect(invited.getByRole("heading", { level: 2, name: `Où en sont les services de ${legalName}` })).toBeVisible();
  await expectAccessible(invited);
  await invitedContext.close();
});
