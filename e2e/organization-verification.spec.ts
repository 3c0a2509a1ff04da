import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { confirmSignUpFromMailbox } from "./support/mailbox";
import { addUrl } from "./support/review-setup";
import { signIn, signInAndLand } from "./support/session";

// Organisations proven (issue 22): a new editor uploads a register extract and cannot submit until an ANS reviewer
// verifies the organisation; an administrator suspends an organisation, whose people then see only a page saying so.

const PASSWORD = "une phrase de passe solide";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const today = () => new Date().toISOString().slice(0, 10);

async function signUp(browser: Browser, tag: string) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(`verif-${tag}`);
  const siret = randomSiret();
  const legalName = `Vérif ${tag} ${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Véra Vérifiée");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(legalName);
  await page.getByLabel("Numéro SIRET").fill(siret);
  await page.getByLabel("Adresse postale").fill("5 place Bellecour, 69002 Lyon");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  return { page, email, siret, legalName };
}

async function openOrganization(ans: Page, legalName: string) {
  await ans.goto("/instruction");
  await ans.getByRole("link", { name: /^Organisations à vérifier \(\d+\)$/ }).click();
  await expect(ans.getByRole("heading", { level: 1, name: "Organisations à vérifier" })).toBeVisible();
  await ans.getByRole("link", { name: legalName }).click();
  await expect(ans.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
}

async function decide(ans: Page, summary: string, button: string, reason?: string) {
  const panel = ans.locator("details", { has: ans.locator("summary", { hasText: summary }) });
  await panel.locator("summary").click();
  if (reason) await panel.getByLabel(/^Motif/).fill(reason);
  await panel.getByRole("checkbox", { name: /^Je confirme|^J'ai contrôlé/ }).check();
  await panel.getByRole("button", { name: button }).click();
  await expect(ans.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
}

test("a new editor uploads an extract, cannot submit, a reviewer verifies it, and the editor submits", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page: editor, legalName } = await signUp(browser, "depot");

  await editor.goto("/editeur/organisation");
  const verification = editor.getByRole("region", { name: "Vérification par l'ANS" });
  await expect(verification).toContainText("Non vérifiée");
  // A file that is not a PDF is refused next to the field, nothing stored.
  await verification.getByLabel("Date du document").fill(today());
  await verification.getByLabel("Document (PDF)").setInputFiles({ name: "extrait.html", mimeType: "text/html", buffer: Buffer.from("<html></html>") });
  await verification.getByRole("button", { name: "Déposer le justificatif" }).click();
  await expect(verification.getByText("Le document doit être un PDF : rien n'a été enregistré.")).toBeVisible();
  await expect(verification).toContainText("Aucun justificatif déposé.");
  await verification.getByLabel("Document (PDF)").setInputFiles({ name: "kbis.pdf", mimeType: "application/pdf", buffer: PDF });
  await verification.getByRole("button", { name: "Déposer le justificatif" }).click();
  await expect(verification.getByRole("status").filter({ hasText: "Justificatif déposé : l'ANS le vérifiera." })).toBeVisible();
  await expect(verification.getByRole("link", { name: /kbis\.pdf/ })).toBeVisible();
  await expectAccessible(editor);

  // Everything can be prepared; the submission is refused, naming the missing verification.
  await editor.goto("/editeur/charte");
  await editor.getByLabel(/^J'ai lu et j'accepte la charte d'accès aux données du ROR, version [\d.]+/).check();
  await editor.getByRole("button", { name: "Accepter la charte" }).click();
  await expect(editor.getByRole("button", { name: "Accepter la charte" })).toHaveCount(0);
  const serviceName = `Service vérifié ${Date.now()}`;
  await editor.goto("/editeur/services");
  await editor.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await editor.getByLabel(/^Nom du service/).fill(serviceName);
  await editor.getByLabel(/^Nom du logiciel/).fill("Vérif Soft");
  await editor.getByLabel(/^Version du logiciel/).fill("1.0");
  await editor.getByLabel(/^Description du service/).fill("Orientation des patients vers l'offre disponible.");
  await editor.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await editor.getByLabel(/^Utilisateurs du service/).fill("Les agents d'accueil.");
  await editor.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 0/).check();
  await editor.getByLabel(/^Justification du profil demandé/).fill("L'offre publique suffit.");
  await editor.getByLabel("API FHIR").check();
  await editor.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
  await addUrl(editor, "test", "https://test.verif.exemple.fr/ror");
  await editor.getByRole("region", { name: "Dossier d'adhésion" }).getByRole("button", { name: "Créer le dossier d'adhésion" }).click();
  await expect(editor.getByText("Il manque encore : « Organisation vérifiée par l'ANS »")).toBeVisible();
  await editor.getByRole("button", { name: "Soumettre le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "Le dossier n'a pas été déposé" })).toContainText("« Organisation vérifiée par l'ANS »");
  const dossierUrl = editor.url().replace(/\?.*$/, "");

  // The reviewer's tab lists the organisation; its page shows the identity beside the evidence; the reviewer verifies.
  const ans = await (await browser.newContext()).newPage();
  await signInAndLand(ans, "instructeur@ans-demo.fr", "/instruction");
  await openOrganization(ans, legalName);
  await expect(ans.getByRole("region", { name: "Justificatifs" }).getByRole("link", { name: /kbis\.pdf/ })).toBeVisible();
  await expect(ans.getByRole("region", { name: "Identité déclarée" })).toContainText("Registre non consulté");
  await expectAccessible(ans);
  await ans.goto("/instruction/organisations");
  await expectAccessible(ans);
  await ans.getByRole("link", { name: legalName }).click();
  await expect(ans.getByText("Suspendre l'organisation", { exact: true })).toHaveCount(0);
  await decide(ans, "Vérifier l'organisation", "Marquer l'organisation comme vérifiée");
  await expect(ans.getByRole("region", { name: "Identité déclarée" })).toContainText("Vérifiée");

  await editor.goto(dossierUrl);
  await editor.getByRole("button", { name: "Soumettre le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Le dossier est déposé : l'ANS va l'instruire." })).toBeVisible();
});

test("an administrator suspends an organisation: its person is signed out and sees only the page saying so, until reinstated", async ({ browser }) => {
  test.setTimeout(90_000);
  const { page: editor, email, legalName } = await signUp(browser, "suspension");

  const admin = await (await browser.newContext()).newPage();
  await signInAndLand(admin, "admin@ans-demo.fr", "/instruction");
  await openOrganization(admin, legalName);
  await decide(admin, "Suspendre l'organisation", "Suspendre l'organisation", "Usage abusif de l'API constaté.");
  await expect(admin.getByRole("region", { name: "Identité déclarée" })).toContainText("Suspendue");

  // The session ended at once; signing in again leads to the page of a suspended organisation, and nowhere else.
  await editor.goto("/editeur");
  await expect(editor).toHaveURL(/\/connexion/);
  await signIn(editor, email, PASSWORD);
  await expect(editor).toHaveURL(/\/compte\/organisation-suspendue$/);
  await expect(editor.getByRole("heading", { level: 1, name: "Organisation suspendue" })).toBeVisible();
  await expect(editor.getByText("Usage abusif de l'API constaté.", { exact: false })).toBeVisible();
  await expectAccessible(editor);
  await editor.goto("/editeur/organisation");
  await expect(editor).toHaveURL(/\/compte\/organisation-suspendue$/);

  await decide(admin, "Rétablir l'organisation", "Rétablir l'organisation");
  // The decision is done once the page shows it; the editor looks only then.
  await expect(admin.getByRole("region", { name: "Identité déclarée" })).not.toContainText("Suspendue");
  await editor.goto("/editeur/organisation");
  await expect(editor.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
});

test("a second person signs up with the same SIRET: no second organisation, and the legal representative accepts the join request", async ({ browser }) => {
  test.setTimeout(90_000);
  const holder = await signUp(browser, "titulaire");

  const requester = await (await browser.newContext()).newPage();
  const email = uniqueEmail("verif-rattachement");
  await requester.goto("/inscription");
  await requester.getByLabel("Nom et prénom").fill("Rémi Rattaché");
  await requester.getByLabel("Adresse e-mail professionnelle").fill(email);
  await requester.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await requester.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await requester.getByLabel("Raison sociale").fill("Un autre nom");
  await requester.getByLabel("Numéro SIRET").fill(holder.siret);
  await requester.getByLabel("Adresse postale").fill("1 rue Ailleurs, 13001 Marseille");
  await requester.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(requester.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible();
  await requester.goto(`/courriels?a=${encodeURIComponent(email)}`);
  const link = await requester.getByRole("article", { name: /^Confirmez votre adresse e-mail/ }).first().getByRole("link", { name: /\/confirmation-adresse\// }).first().getAttribute("href");
  await requester.goto(new URL(link!).pathname);
  await requester.getByRole("button", { name: "Confirmer mon adresse et me connecter" }).click();
  // The requester learns that the company has an account and that the request went to it, never who holds it.
  await expect(requester).toHaveURL(/\/compte\/rattachement$/);
  await expect(requester.getByRole("heading", { level: 1, name: "Demande de rattachement" })).toBeVisible();
  await expect(requester.getByText("En attente de la réponse de ses représentants légaux.", { exact: false })).toBeVisible();
  await expect(requester.locator("main")).not.toContainText(holder.email);
  await expect(requester.locator("main")).not.toContainText("Véra");
  await expectAccessible(requester);

  await holder.page.goto("/editeur/organisation");
  const requests = holder.page.getByRole("region", { name: "Demandes de rattachement" });
  await expect(requests).toContainText("Rémi Rattaché");
  await requests.getByRole("button", { name: /^Accepter la demande/ }).click();
  await expect(holder.page.getByRole("status").filter({ hasText: "Rémi Rattaché fait maintenant partie de l'organisation." })).toBeVisible();
  await expect(requests).toContainText("Aucune demande en attente.");
  await expect(holder.page.getByRole("table", { name: /Membres/ })).toContainText("Rémi Rattaché");

  await requester.goto("/editeur/organisation");
  await expect(requester.getByRole("heading", { level: 1, name: holder.legalName })).toBeVisible();
});
