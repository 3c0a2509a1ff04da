import { expect, type Browser, type Page } from "@playwright/test";
import { randomSiret, uniqueEmail } from "./identifiers";
import { confirmSignUpFromMailbox } from "./mailbox";
import { markOrganizationVerified } from "./organization-verification";

// The precondition of the reviewer specs, made through the editor's own pages: a new organisation whose legal
// representative accepts the charter, declares a profile-0 service with a URL, and submits its dossier.

const PASSWORD = "une phrase de passe solide";

export type SubmittedDossier = { editor: Page; editorEmail: string; siret: string; legalName: string; serviceName: string; dossierUrl: string };

export async function submitProfile0Dossier(browser: Browser, tag: string): Promise<SubmittedDossier> {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const siret = randomSiret();
  const editorEmail = uniqueEmail(`revue-${tag}`);
  const legalName = `Revue ${tag} ${stamp}`;
  const serviceName = `Service ${tag} ${stamp}`;
  const editor = await (await browser.newContext()).newPage();

  await editor.goto("/inscription");
  await editor.getByLabel("Nom et prénom").fill("Éloi Éditeur");
  await editor.getByLabel("Adresse e-mail professionnelle").fill(editorEmail);
  await editor.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await editor.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await editor.getByLabel("Raison sociale").fill(legalName);
  await editor.getByLabel("Numéro SIRET").fill(siret);
  await editor.getByLabel("Adresse postale").fill("5 place Bellecour, 69002 Lyon");
  await editor.getByLabel("Je suis le représentant légal de cette organisation").check();
  await editor.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(editor, editorEmail);
  await markOrganizationVerified(siret);

  await editor.getByRole("link", { name: /^Lire et accepter la charte, version/ }).click();
  await editor.getByLabel(/^J'ai lu et j'accepte la charte d'accès aux données du ROR, version [\d.]+/).check();
  await editor.getByRole("button", { name: "Accepter la charte" }).click();
  await expect(editor.getByRole("button", { name: "Accepter la charte" })).toHaveCount(0);

  await editor.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace éditeur" }).click();
  await editor.getByRole("link", { name: "Services numériques" }).first().click();
  await editor.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await editor.getByLabel(/^Nom du service/).fill(serviceName);
  await editor.getByLabel(/^Nom du logiciel/).fill("Revue Soft");
  await editor.getByLabel(/^Version du logiciel/).fill("2.0");
  await editor.getByLabel(/^Description du service/).fill("Orientation des patients vers l'offre disponible.");
  await editor.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await editor.getByLabel(/^Utilisateurs du service/).fill("Les agents d'accueil.");
  await editor.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 0/).check();
  await editor.getByLabel(/^Justification du profil demandé/).fill("L'offre publique suffit.");
  await editor.getByLabel("API FHIR").check();
  await editor.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();

  await addUrl(editor, "test", "https://test.revue.exemple.fr/ror");
  await editor.getByRole("region", { name: "Dossier d'adhésion" }).getByRole("button", { name: "Créer le dossier d'adhésion" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: `Dossier d'adhésion : ${serviceName}` })).toBeVisible();
  await editor.getByRole("button", { name: "Soumettre le dossier" }).click();
  await editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Le dossier est déposé : l'ANS va l'instruire." })).toBeVisible();
  const dossierUrl = editor.url().replace(/\?.*$/, "");
  return { editor, editorEmail, siret, legalName, serviceName, dossierUrl };
}

export async function addUrl(page: Page, environment: "test" | "production", url: string) {
  await page.getByLabel(new RegExp(`^URL de ${environment}`)).fill(url);
  await page.getByRole("button", { name: `Ajouter l'URL de ${environment}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `URL de ${environment} ajoutée : ${url}` })).toBeVisible();
}

/** The editor resubmits after a request for changes (with a new production URL, so the diff has something). */
export async function resubmit(d: SubmittedDossier) {
  await d.editor.goto(d.dossierUrl);
  await d.editor.getByRole("link", { name: `Voir la page du service ${d.serviceName}` }).click();
  await addUrl(d.editor, "production", "https://revue.exemple.fr/ror");
  await d.editor.getByRole("region", { name: "Dossier d'adhésion" }).getByRole("link", { name: "Ouvrir le dossier en cours" }).click();
  await d.editor.getByRole("button", { name: "Soumettre le dossier à nouveau" }).click();
  await d.editor.getByRole("button", { name: "Confirmer le dépôt" }).click();
  await expect(d.editor.getByRole("status").filter({ hasText: "Le dossier est déposé à nouveau" })).toBeVisible();
}
