import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { signInAndLand } from "./support/session";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const STAFF = "equipe@editeur-demo.fr";
const REPRESENTATIVE = "representant@editeur-demo.fr";
const PASSWORD = "une phrase de passe solide";

async function declareService(page: Page, serviceName: string) {
  await page.goto("/editeur/services/nouveau");
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Orienté Soins");
  await page.getByLabel(/^Version du logiciel/).fill("4.2.1");
  await page.getByLabel(/^Description du service/).fill("Aide à l'orientation des patients.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les régulateurs du SAMU.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Lignes privées d'urgence.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

/** Draws a wavy stroke with the mouse on the signature canvas. */
async function drawSignature(page: Page) {
  const canvas = page.getByTestId("signature-canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 30 + i * ((box.width - 60) / 30), box.y + box.height / 2 + Math.sin(i / 2) * (box.height / 4), { steps: 2 });
  }
  await page.mouse.up();
}

async function signingLinkFor(page: Page, email: string): Promise<string> {
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  const text = await page.locator("main").innerText();
  const links = [...text.matchAll(/https?:\/\/[^\s]+\/signature\/([A-Za-z0-9_-]{43})/g)].map((m) => `/signature/${m[1]}`);
  expect(links.length).toBeGreaterThan(0);
  return links[0]!;
}

test("an attestation is filled, sent, signed by the client and the legal representative, sealed and downloaded", async ({ browser }) => {
  test.setTimeout(240_000);
  const serviceName = `Orientation Œil ${Date.now()}`;
  const clientEmail = uniqueEmail("zoe.client");
  const clientName = `Clinique Sainte-Hélène ${Date.now()}`;

  // The editor's staff member fills the attestation.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInAndLand(editor, STAFF, "/editeur");
  await declareService(editor, serviceName);
  await editor.getByRole("link", { name: "Remplir une attestation" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Attestations de client" })).toBeVisible();
  await expectAccessible(editor);
  await editor.getByRole("link", { name: "Remplir une nouvelle attestation" }).click();
  await expect(editor.getByLabel("Version logicielle concernée par la connexion au ROR")).toHaveValue("4.2.1");
  await expectAccessible(editor);

  // Bad input first: French errors next to the fields.
  await editor.getByLabel("Nom du client").fill("<script>alert(1)</script>");
  await editor.getByLabel("Numéro SIRET du client").fill("73282932000075");
  await editor.getByLabel("Date de signature de la commande").fill("2999-01-01");
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByText("Les balises HTML, les scripts et les entités ne sont pas acceptés : saisissez du texte simple.")).toBeVisible();
  await expect(editor.getByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte).")).toBeVisible();
  await expect(editor.getByText("La date de signature de la commande ne peut pas être dans le futur.")).toBeVisible();

  // A draft can be saved incomplete, then resumed.
  await editor.getByLabel("Nom du client").fill(clientName);
  await editor.getByLabel("Numéro SIRET du client").fill(randomSiret());
  await editor.getByLabel("Date de signature de la commande").fill("2026-01-15");
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByText("L'attestation est enregistrée")).toBeVisible();
  await expect(editor.getByText("Complétez l'attestation avant de l'envoyer pour signature")).toBeVisible();
  await expectAccessible(editor);
  const attestationUrl = editor.url().replace(/\?.*$/, "");
  const attestationId = attestationUrl.split("/").pop()!;

  await editor.getByRole("link", { name: "Modifier l'attestation" }).click();
  await editor.getByLabel("Adresse du client").fill("12 rue de l'Église\n30100 Alès");
  await editor.getByLabel("Nom", { exact: true }).fill("Lefèvre");
  await editor.getByLabel("Prénom", { exact: true }).fill("Zoé");
  await editor.getByLabel("Fonction", { exact: true }).fill("Directrice générale");
  await editor.getByLabel("Adresse électronique du responsable signataire").fill(clientEmail);
  await editor.getByLabel("Nom et prénom du responsable légal de la société éditrice du logiciel concerné").selectOption({ index: 1 });
  await editor.getByLabel("Fait à").fill("Alès");
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByText("L'attestation est enregistrée")).toBeVisible();

  // The preview is a PDF.
  const preview = await editor.request.get(`/api/attestations/${attestationId}/apercu`);
  expect(preview.headers()["content-type"]).toBe("application/pdf");

  await editor.getByRole("button", { name: "Envoyer pour signature" }).click();
  await expect(editor.getByText("L'attestation est envoyée pour signature")).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Signatures" })).toBeVisible();

  // The client opens the e-mailed link in another browser, reads, and signs by drawing with the mouse.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  const link = await signingLinkFor(client, clientEmail);
  await client.goto(link);
  await expect(client.getByRole("heading", { level: 1, name: "Signature de l'attestation de client" })).toBeVisible();
  await expect(client.getByText(clientName).first()).toBeVisible();
  await expectAccessible(client);
  const sentPdf = await client.request.get(`${link}/document`);
  expect(sentPdf.headers()["content-disposition"]).toContain("attachment");
  // No drawing: refused.
  await client.getByLabel(/Je confirme avoir lu/).check();
  await client.getByRole("button", { name: "Signer", exact: true }).click();
  await expect(client.getByText(/Dessinez votre signature ou saisissez votre nom/).first()).toBeVisible();
  await drawSignature(client);
  await client.getByRole("button", { name: "Signer", exact: true }).click();
  await expect(client.getByText("Votre signature est enregistrée.", { exact: false })).toBeVisible();
  // The link is now used, and says so without showing the document.
  await client.goto(link);
  await expect(client.getByRole("heading", { level: 1, name: "Ce lien de signature a déjà été utilisé" })).toBeVisible();
  await expect(client.getByText(clientName)).toHaveCount(0);
  await expectAccessible(client);

  // The legal representative signs from their account (typed-name alternative, keyboard only).
  const representativeContext = await browser.newContext();
  const representative = await representativeContext.newPage();
  await signInAndLand(representative, REPRESENTATIVE, "/editeur");
  await representative.goto(attestationUrl);
  await expect(representative.getByRole("heading", { name: "Votre signature de représentant légal" })).toBeVisible();
  await expectAccessible(representative);
  await representative.getByLabel("Votre fonction").fill("Président");
  await representative.getByRole("button", { name: "Saisir mon nom au clavier" }).click();
  await representative.getByLabel(/Je confirme avoir lu/).check();
  await representative.getByRole("button", { name: "Signer", exact: true }).click();
  // The page refreshes to the sealed state.
  await expect(representative.getByRole("heading", { name: "Attestation signée par les deux parties et scellée" })).toBeVisible();
  await expectAccessible(representative);

  // Both download the sealed PDF, with a readable file name.
  for (const page of [representative, editor]) {
    await page.goto(attestationUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l'attestation scellée (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Attestation client - Clinique Sainte-Hélène \d+ - \d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  }
  const sealed = await editor.request.get(`/api/attestations/${attestationId}/scellee`);
  const sealedBytes = Buffer.from(await sealed.body());

  // The verification page accepts it and refuses a copy with one changed byte.
  await client.goto("/verification");
  await client.getByLabel(/Attestation au format PDF/).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: sealedBytes });
  await client.getByRole("button", { name: "Vérifier" }).click();
  await expect(client.getByRole("heading", { name: "Attestation authentique et non modifiée" })).toBeVisible();
  await expect(client.getByText(/Zoé Lefèvre, Directrice générale/)).toBeVisible();
  const tampered = Buffer.from(sealedBytes);
  const at = tampered.indexOf("/Title");
  tampered[at + 1] = "t".charCodeAt(0);
  await client.goto("/verification");
  await client.getByLabel(/Attestation au format PDF/).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: tampered });
  await client.getByRole("button", { name: "Vérifier" }).click();
  await expect(client.getByRole("heading", { name: "Attestation non reconnue" })).toBeVisible();

  // A member of another organisation gets 404 for every document of it.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await outsider.goto("/inscription");
  await outsider.getByLabel("Nom et prénom").fill("Olivier Extérieur");
  const outsiderEmail = uniqueEmail("olivier");
  await outsider.getByLabel("Adresse e-mail professionnelle").fill(outsiderEmail);
  await outsider.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await outsider.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await outsider.getByLabel("Raison sociale").fill(`Autre Éditeur ${Date.now()}`);
  await outsider.getByLabel("Numéro SIRET").fill(randomSiret());
  await outsider.getByLabel("Adresse postale").fill("5 rue du Port, 44000 Nantes");
  await outsider.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(outsider, outsiderEmail);
  for (const kind of ["scellee", "envoyee", "apercu"]) {
    expect((await outsider.request.get(`/api/attestations/${attestationId}/${kind}`)).status()).toBe(404);
  }
  expect((await outsider.goto(attestationUrl))?.status()).toBe(404);

  await Promise.all([editorContext.close(), clientContext.close(), representativeContext.close(), outsiderContext.close()]);
});

test("bad signing links show a French page that reveals nothing", async ({ page }) => {
  await page.goto(`/signature/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de signature est introuvable" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/signature/pas-un-jeton");
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de signature est introuvable" })).toBeVisible();
  expect((await page.request.get(`/signature/${"A".repeat(43)}/document`)).status()).toBe(404);
});
