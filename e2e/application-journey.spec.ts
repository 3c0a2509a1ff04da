import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { issueTestCertificate, type TestAuthority } from "../lib/testing/test-authority";
import { e2eTestAuthorityDir, loadTestAuthority } from "../lib/runtime/demo-test-authority";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { signInAndLand } from "./support/session";
import { confirmSignUpFromMailbox } from "./support/mailbox";

// The whole life of a dossier, as people do it, in two browsers: an editor (who signs up as the legal
// representative of a new organisation) and an ANS reviewer (the demo account).

const PASSWORD = "une phrase de passe solide";
const REVIEWER = "instructeur@ans-demo.fr";
const DAY = 86_400_000;

let authority: TestAuthority;

test.beforeAll(async () => {
  const loaded = await loadTestAuthority(e2eTestAuthorityDir(process.env.E2E_PORT ?? "3100"));
  if (!loaded) throw new Error("the e2e server has not created its test authority");
  authority = loaded;
});

const mainNavigation = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

async function signUp(page: Page, email: string, siret: string, legalName: string) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Romane Dossier");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(legalName);
  await page.getByLabel("Numéro SIRET").fill(siret);
  await page.getByLabel("Adresse postale").fill("5 place Bellecour, 69002 Lyon");
  await page.getByLabel("Je suis le représentant légal de cette organisation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
}

async function acceptCharter(page: Page) {
  await page.getByRole("link", { name: /^Lire et accepter la charte, version/ }).click();
  await page.getByLabel(/^J'ai lu et j'accepte la charte d'accès aux données du ROR, version [\d.]+/).check();
  await page.getByRole("button", { name: "Accepter la charte" }).click();
  await expect(page.getByRole("button", { name: "Accepter la charte" })).toHaveCount(0);
}

async function declareProfile0Service(page: Page, serviceName: string) {
  await mainNavigation(page).getByRole("link", { name: "Espace éditeur" }).click();
  await page.getByRole("link", { name: "Services numériques" }).first().click();
  await page.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Parcours Soft");
  await page.getByLabel(/^Version du logiciel/).fill("1.4");
  await page.getByLabel(/^Description du service/).fill("Aide à l'orientation des patients vers l'offre disponible.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les agents d'accueil.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 0/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("L'offre publique suffit.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

async function addUrl(page: Page, environment: "test" | "production", url: string) {
  await page.getByLabel(new RegExp(`^URL de ${environment}`)).fill(url);
  await page.getByRole("button", { name: `Ajouter l'URL de ${environment}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `URL de ${environment} ajoutée : ${url}` })).toBeVisible();
}

/** The reviewer finds the service's dossier in the queue by a search, and opens it. */
async function openFromQueue(page: Page, serviceName: string) {
  await mainNavigation(page).getByRole("link", { name: "Instruction des dossiers" }).click();
  await expect(page).toHaveURL(/\/instruction(\?.*)?$/);
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(serviceName);
  await page.getByRole("button", { name: "Appliquer" }).click();
  await page.getByRole("link", { name: serviceName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dossier : ${serviceName}` })).toBeVisible();
}

async function approveWithProfile2(page: Page) {
  await page.getByText("Approuver le dossier", { exact: true }).click();
  await page.getByLabel(/^Profil d'accès accordé/).selectOption({ label: "Profil 2 — données restreintes" });
  await page.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
  await page.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
}

test("a dossier from draft to approval, its renewal as an amendment, and what each side sees", async ({ browser }) => {
  test.setTimeout(240_000);
  const siret = randomSiret();
  const editorEmail = uniqueEmail("dossier");
  const legalName = `Parcours Santé ${Date.now()}`;
  const serviceName = `Parcours Orientation ${Date.now()}`;

  const editorContext = await browser.newContext();
  const reviewerContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const reviewer = await reviewerContext.newPage();

  // ── The editor prepares the service and its dossier ──
  await signUp(editor, editorEmail, siret, legalName);
  await acceptCharter(editor);
  await declareProfile0Service(editor, serviceName);
  const dossierSection = editor.getByRole("region", { name: "Dossier d'adhésion" });
  await expect(dossierSection).toContainText("Ce service n'a pas d'habilitation en vigueur.");
  await expectAccessible(editor);

  // A draft can be created before the service is complete; its checklist says what is missing and where.
  await dossierSection.getByRole("button", { name: "Créer le dossier d'adhésion" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: `Dossier d'adhésion : ${serviceName}` })).toBeVisible();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Brouillon" })).toBeVisible();
  const checklist = editor.getByRole("region", { name: "Pièces du dossier" });
  await expect(checklist).toContainText("1 pièce manque encore");
  await expectAccessible(editor);

  // Submitting now is refused with the missing item named, and nothing changes.
  await editor.getByRole("button", { name: "Soumettre le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "Le dossier n'a pas été déposé" })).toContainText("« URL du service déclarée »");
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Brouillon" })).toBeVisible();

  // The missing item links to where it is fixed: the service's URL section.
  await checklist.getByRole("link", { name: "Déclarer une URL" }).click();
  await expect(editor).toHaveURL(/\/editeur\/services\/[^/]+#urls$/);
  await addUrl(editor, "test", "https://test.parcours.exemple.fr/ror");
  await dossierSection.getByRole("link", { name: "Ouvrir le dossier en cours" }).click();
  await expect(checklist).toContainText("Toutes les pièces exigées sont réunies");
  await editor.getByRole("button", { name: "Soumettre le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Le dossier est déposé : l'ANS va l'instruire." })).toBeVisible();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Déposé, en attente d'instruction" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Retirer le dossier" })).toBeVisible();
  await expectAccessible(editor);

  // The editor's list of dossiers, from the main navigation.
  await mainNavigation(editor).getByRole("link", { name: "Dossiers d'adhésion" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Dossiers d'adhésion" })).toBeVisible();
  const openTable = editor.getByRole("table", { name: /Dossiers en cours/ });
  await expect(openTable.getByRole("row", { name: new RegExp(serviceName) })).toContainText("Déposé, en attente d'instruction");
  await expectAccessible(editor);

  // ── The reviewer finds it and requests changes ──
  await signInAndLand(reviewer, REVIEWER, "/instruction");
  // The demo data's dossier waits in the queue from the start (oldest first).
  await expect(reviewer.getByRole("link", { name: "Orientation Démo", exact: true })).toBeVisible();
  await openFromQueue(reviewer, serviceName);
  await reviewer.getByText("Demander des modifications", { exact: true }).click();
  await reviewer.getByLabel(/^Modifications attendues/).fill("Merci de déclarer aussi l'URL de production du service.");
  await reviewer.getByLabel("Je confirme renvoyer le dossier à l'éditeur pour modifications").check();
  await reviewer.getByRole("button", { name: "Renvoyer le dossier à l'éditeur" }).click();
  await expect(reviewer.getByText("Le dossier a été renvoyé à l'éditeur avec votre demande de modifications.")).toBeVisible();

  // ── The editor sees the request, replies, completes and resubmits ──
  await editor.getByRole("link", { name: serviceName }).first().click();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Modifications demandées" })).toBeVisible();
  const highlighted = editor.getByRole("heading", { level: 2, name: "Modifications demandées par l'instructeur" }).locator("xpath=..");
  await expect(highlighted).toContainText("Merci de déclarer aussi l'URL de production du service.");
  await expectAccessible(editor);
  await editor.getByLabel(/^Votre message à l'instructeur/).fill("C'est fait : l'URL de production est déclarée.");
  await editor.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Message envoyé à l'instructeur." })).toBeVisible();
  await expect(editor.getByRole("article", { name: /^Message de Romane Dossier/ })).toContainText("C'est fait");

  await editor.getByRole("link", { name: `Voir la page du service ${serviceName}` }).click();
  await addUrl(editor, "production", "https://parcours.exemple.fr/ror");
  await editor.getByRole("region", { name: "Dossier d'adhésion" }).getByRole("link", { name: "Ouvrir le dossier en cours" }).click();
  await editor.getByRole("button", { name: "Soumettre le dossier à nouveau" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Le dossier est déposé à nouveau" })).toBeVisible();
  await expect(editor.getByRole("region", { name: /Changements du dépôt n° 2/ })).toContainText("https://parcours.exemple.fr/ror");

  // ── The reviewer sees the reply and the diff, and approves with profile 2 ──
  await reviewer.reload();
  await expect(reviewer.getByText("C'est fait : l'URL de production est déclarée.")).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Changements depuis le dépôt précédent" })).toContainText("https://parcours.exemple.fr/ror");
  await approveWithProfile2(reviewer);
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();

  // ── The editor sees the approval and the e-mail ──
  await editor.reload();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Approuvé" })).toBeVisible();
  const granted = editor.getByRole("region", { name: "Habilitation accordée" });
  await expect(granted).toContainText("Profil 2");
  await expect(granted).toContainText("https://parcours.exemple.fr/ror");
  await expect(granted).toContainText("En vigueur");
  await expectAccessible(editor);
  await editor.goto(`/courriels?a=${encodeURIComponent(editorEmail)}`);
  await expect(editor.getByRole("heading", { level: 2, name: `Dossier approuvé : ${serviceName}` })).toBeVisible();

  // ── Later: a certificate renewal, the short path of an amendment ──
  await editor.goto("/editeur/dossiers");
  await editor.getByRole("table", { name: /Dossiers approuvés/ }).getByRole("link", { name: new RegExp(serviceName) }).click();
  await editor.getByRole("link", { name: `Voir la page du service ${serviceName}` }).click();
  const section = editor.getByRole("region", { name: "Dossier d'adhésion" });
  await expect(section).toContainText("Profil 2");
  await expectAccessible(editor);

  // Renewing without a new certificate is refused, and nothing is opened.
  await section.getByRole("button", { name: "Renouveler le certificat" }).click();
  await section.getByRole("button", { name: "Confirmer le renouvellement" }).click();
  await expect(section.getByRole("alert")).toContainText("Déposez d'abord le nouveau certificat du service");

  const now = Date.now();
  const certificate = await issueTestCertificate(authority, {
    commonName: serviceName,
    structureId: `3${siret}`,
    organization: legalName,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    keyAlgorithm: "EC",
  });
  await editor.getByRole("link", { name: "Déposer ou consulter les certificats de test" }).click();
  await editor.getByLabel("Fichier du certificat").setInputFiles({ name: "service.pem", mimeType: "application/octet-stream", buffer: Buffer.from(certificate.pem) });
  await editor.getByRole("button", { name: "Vérifier et enregistrer le certificat" }).click();
  await expect(editor.getByText("Certificat enregistré")).toBeVisible();
  await editor.getByRole("link", { name: serviceName }).click();
  await section.getByRole("button", { name: "Renouveler le certificat" }).click();
  await section.getByRole("button", { name: "Confirmer le renouvellement" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: `Dossier d'adhésion : ${serviceName}` })).toBeVisible();
  await expect(editor.getByText("La demande est déposée")).toBeVisible();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Déposé, en attente d'instruction" })).toBeVisible();
  await expect(editor.getByText(/Objet de la demande : Renouvellement de certificat : CN=/)).toBeVisible();
  await expect(editor.getByRole("region", { name: "Habilitation que cette demande modifie" })).toContainText("En vigueur");
  await expectAccessible(editor);

  // The reviewer approves the amendment; it replaces the enrolment, now with the certificate's fingerprint.
  await openFromQueue(reviewer, serviceName);
  await expect(reviewer.getByRole("region", { name: "Changements depuis le dépôt précédent" })).toContainText(/CN=/);
  await approveWithProfile2(reviewer);
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();

  await editor.reload();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Approuvé" })).toBeVisible();
  const renewed = editor.getByRole("region", { name: "Habilitation accordée" });
  await expect(renewed).toContainText(/SHA-256 : ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await expect(renewed).toContainText(/SHA-1 : ([0-9A-F]{2}:){19}[0-9A-F]{2}/);
  await expectAccessible(editor);

  // ── A suspension and a reinstatement, from the reviewer's enrolment page; the editor sees each ──
  await reviewer.getByRole("link", { name: /^Habilitation accordée par ce dossier/ }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Habilitation : ${serviceName}` })).toBeVisible();
  await reviewer.getByText("Suspendre l'habilitation", { exact: true }).click();
  await reviewer.getByLabel(/^Motif de la suspension/).fill("Dépassements répétés des quotas.");
  await reviewer.getByLabel(/^Je confirme suspendre cette habilitation/).check();
  await reviewer.getByRole("button", { name: "Suspendre", exact: true }).click();
  await expect(reviewer.getByText("L'habilitation est suspendue ; elle ne figure plus dans la liste blanche.")).toBeVisible();

  await editor.reload();
  await expect(renewed).toContainText("Statut de l'habilitation : Suspendue (motif : Dépassements répétés des quotas.)");

  await reviewer.getByText("Rétablir l'habilitation", { exact: true }).click();
  await reviewer.getByLabel(/^Je confirme rétablir cette habilitation/).check();
  await reviewer.getByRole("button", { name: "Rétablir", exact: true }).click();
  await expect(reviewer.getByText("L'habilitation est rétablie ; elle figure de nouveau dans la liste blanche.")).toBeVisible();

  await editor.reload();
  await expect(renewed).toContainText("Statut de l'habilitation : En vigueur");
  await editor.getByRole("link", { name: `Voir la page du service ${serviceName}` }).click();
  const finalSection = editor.getByRole("region", { name: "Dossier d'adhésion" });
  await expect(finalSection).toContainText("En vigueur");
  await expect(finalSection).toContainText("Première demande");

  // Any other change is an amendment with its reason; withdrawing it leaves the enrolment as it was.
  await finalSection.getByRole("button", { name: "Demander une modification" }).click();
  await finalSection.getByRole("button", { name: "Ouvrir la demande de modification" }).click();
  await expect(finalSection.getByText("Décrivez la modification que vous demandez.")).toBeVisible();
  await finalSection.getByLabel(/^Objet de la modification/).fill("Nous ajoutons la fonction de recherche par spécialité.");
  await finalSection.getByRole("button", { name: "Ouvrir la demande de modification" }).click();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Brouillon" })).toBeVisible();
  await expect(editor.getByText("Objet de la demande : Nous ajoutons la fonction de recherche par spécialité.")).toBeVisible();
  const amended = editor.getByRole("region", { name: "Habilitation que cette demande modifie" });
  await expect(amended).toContainText("En vigueur");
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "Retirer le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(editor.getByRole("heading", { level: 2, name: "Statut : Retiré par l'éditeur" })).toBeVisible();
  await expect(editor.getByText("Vous avez retiré cette demande de modification : l'habilitation en vigueur reste inchangée.")).toBeVisible();
  await expect(amended).toContainText("Statut : En vigueur");

  await editorContext.close();
  await reviewerContext.close();
});

test("a dossier changed in another tab is not overwritten, and the editor can withdraw it", async ({ browser }) => {
  test.setTimeout(120_000);
  const siret = randomSiret();
  const serviceName = `Parcours Deux Onglets ${Date.now()}`;
  const context = await browser.newContext();
  const first = await context.newPage();
  await signUp(first, uniqueEmail("onglets"), siret, `Onglets Santé ${Date.now()}`);
  await acceptCharter(first);
  await declareProfile0Service(first, serviceName);
  await addUrl(first, "test", "https://test.onglets.exemple.fr/ror");
  await first.getByRole("region", { name: "Dossier d'adhésion" }).getByRole("button", { name: "Créer le dossier d'adhésion" }).click();
  await expect(first.getByRole("heading", { level: 2, name: "Statut : Brouillon" })).toBeVisible();

  // The same person, in a second tab, submits the dossier; the first tab still shows the draft.
  const second = await context.newPage();
  await second.goto(first.url());
  await second.getByRole("button", { name: "Soumettre le dossier" }).click();
  await second.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(second.getByRole("heading", { level: 2, name: "Statut : Déposé, en attente d'instruction" })).toBeVisible();

  // Withdrawing from the stale tab is refused in French, and nothing changes.
  await first.getByRole("button", { name: "Retirer le dossier" }).click();
  await first.getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(first.getByRole("alert").filter({ hasText: "Le dossier n'a pas été retiré" })).toContainText("modifié entre-temps");
  await second.reload();
  await expect(second.getByRole("heading", { level: 2, name: "Statut : Déposé, en attente d'instruction" })).toBeVisible();

  // From the current page, the withdrawal asks for a confirmation, can be cancelled, then goes through.
  await second.getByRole("button", { name: "Retirer le dossier" }).click();
  await expect(second.getByText(/^Retirer ce dossier \?/)).toBeVisible();
  await second.getByRole("button", { name: "Annuler" }).click();
  await expect(second.getByRole("button", { name: "Retirer le dossier" })).toBeFocused();
  await second.getByRole("button", { name: "Retirer le dossier" }).click();
  await second.getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(second.getByRole("status").filter({ hasText: "Le dossier est retiré." })).toBeVisible();
  await expect(second.getByRole("heading", { level: 2, name: "Statut : Retiré par l'éditeur" })).toBeVisible();
  await expect(second.getByRole("button", { name: "Soumettre le dossier" })).toHaveCount(0);
  await expectAccessible(second);

  // The service may get a new dossier; the withdrawn one is in its history.
  await second.getByRole("link", { name: `Voir la page du service ${serviceName}` }).click();
  const section = second.getByRole("region", { name: "Dossier d'adhésion" });
  await expect(section.getByRole("button", { name: "Créer le dossier d'adhésion" })).toBeVisible();
  await expect(section).toContainText("Retiré par l'éditeur");
  await context.close();
});
