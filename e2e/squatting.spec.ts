import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";
import { signInAndLand } from "./support/session";

// ANS's resolution of squatting (issue 22, ADR 0057): the real legal representative finds their company held by
// someone else, sends their join request to ANS, and an ANS reviewer transfers the organisation to them.

const PASSWORD = "une phrase de passe solide";

async function fillSignUp(page: Page, who: { name: string; email: string; legalName: string; siret: string; legalRepresentative: boolean }) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill(who.name);
  await page.getByLabel("Adresse e-mail professionnelle").fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(who.legalName);
  await page.getByLabel("Numéro SIRET").fill(who.siret);
  await page.getByLabel("Adresse postale").fill("5 place Bellecour, 69002 Lyon");
  if (who.legalRepresentative) await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("the real legal representative sends their join request to ANS and a reviewer transfers the organisation to them", async ({ browser }) => {
  test.setTimeout(150_000);
  const siret = randomSiret();
  const legalName = `Squat ${Date.now()}${Math.floor(Math.random() * 1000)}`;

  // The squatter signed up first.
  const squatter = await newPage(browser);
  const squatterEmail = uniqueEmail("squat-titulaire");
  await fillSignUp(squatter, { name: "Sam Squatteur", email: squatterEmail, legalName, siret, legalRepresentative: true });
  await confirmSignUpFromMailbox(squatter, squatterEmail);

  // The real legal representative's sign-up becomes a join request; they send it to ANS.
  const owner = await newPage(browser);
  const ownerEmail = uniqueEmail("squat-vrai");
  await fillSignUp(owner, { name: "Rose Représentante", email: ownerEmail, legalName: "Nom officiel SAS", siret, legalRepresentative: true });
  await expect(owner.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();
  await owner.goto(`/courriels?a=${encodeURIComponent(ownerEmail)}`);
  const link = await owner.getByRole("article", { name: /^Confirmez votre adresse e-mail/ }).first().getByRole("link", { name: /\/confirmation-adresse\// }).first().getAttribute("href");
  await owner.goto(new URL(link!).pathname);
  await owner.getByRole("button", { name: "Confirmer mon adresse et me connecter" }).click();
  await expect(owner).toHaveURL(/\/compte\/rattachement$/);
  // A malformed SIRET in the other-organisation form is refused next to the field.
  await owner.getByLabel("Numéro SIRET de l'organisation à rejoindre").fill("123");
  await owner.getByRole("button", { name: "Demander le rattachement" }).click();
  await expect(owner.locator("#join-siret-error")).toBeVisible();
  await owner.getByRole("button", { name: /^Je suis le représentant légal : saisir l'ANS/ }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Votre demande est transmise à l'ANS" })).toBeVisible();
  await expect(owner.getByText(/Transmise à l'ANS le/)).toBeVisible();
  await expect(owner.locator("main")).not.toContainText(squatterEmail);
  await expectAccessible(owner);

  // The reviewer finds the case in the queue, oldest first, and transfers the organisation.
  const ans = await newPage(browser);
  await signInAndLand(ans, "instructeur@ans-demo.fr", "/instruction");
  await ans.getByRole("link", { name: /^Rattachements transmis à l'ANS \(\d+\)$/ }).click();
  await expect(ans.getByRole("heading", { level: 1, name: "Rattachements transmis à l'ANS" })).toBeVisible();
  await expectAccessible(ans);
  await ans.getByRole("link", { name: legalName }).click();
  await expect(ans.getByRole("heading", { level: 1, name: `Rattachement à ${legalName}` })).toBeVisible();
  await expect(ans.locator("main")).toContainText("Rose Représentante");
  await expect(ans.locator("main")).toContainText(squatterEmail);
  await expectAccessible(ans);
  const panel = ans.locator("details", { has: ans.locator("summary", { hasText: "Transférer l'organisation au demandeur" }) });
  await panel.locator("summary").click();
  // Without a reason nothing is sent.
  await panel.getByRole("checkbox", { name: /^J'ai contrôlé/ }).check();
  await panel.getByRole("button", { name: "Transférer l'organisation" }).click();
  await expect(panel.getByText(/^Indiquez le motif/)).toBeVisible();
  await panel.getByLabel(/^Justificatifs contrôlés et motif du transfert/).fill("Kbis du 1er décembre 2026 : Rose Représentante est présidente.");
  await panel.getByRole("button", { name: "Transférer l'organisation" }).click();
  await expect(ans.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
  await expect(ans.getByText("L'ANS a statué")).toBeVisible();

  // The owner is now the organisation's legal representative; it waits for verification again.
  await owner.goto("/editeur/organisation");
  await expect(owner.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
  await expect(owner.getByRole("region", { name: "Vérification par l'ANS" })).toContainText("Non vérifiée");
  await owner.goto(`/courriels?a=${encodeURIComponent(ownerEmail)}`);
  await expect(owner.getByRole("article", { name: new RegExp(`^Organisation transférée : ${legalName}`) })).toBeVisible();

  // The squatter was removed and told.
  await squatter.goto(`/courriels?a=${encodeURIComponent(squatterEmail)}`);
  await expect(squatter.getByRole("article", { name: new RegExp(`^Retrait de l'organisation ${legalName}`) })).toBeVisible();
});
