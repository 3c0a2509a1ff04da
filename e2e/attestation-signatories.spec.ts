import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { signInAndLand } from "./support/session";

// Issue 27: two client signatories in order, each signs from their own link, both receive the sealed copy.

const STAFF = "equipe@editeur-demo.fr";
const REPRESENTATIVE = "representant@editeur-demo.fr";

async function declareService(page: Page, serviceName: string) {
  await page.goto("/editeur/services/nouveau");
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Coordo");
  await page.getByLabel(/^Version du logiciel/).fill("2.0");
  await page.getByLabel(/^Description du service/).fill("Coordination des soins.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Coordination").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les coordinateurs.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Numéros directs.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

/** Every link of one shape mailed to an address, from the development mailbox. */
async function mailedLinks(page: Page, email: string, pattern: RegExp): Promise<string[]> {
  await page.goto(`/courriels?a=${encodeURIComponent(email)}`);
  const text = await page.locator("main").innerText();
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}
const SIGNING = /https?:\/\/[^\s]+(\/signature\/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_/-])/g;
const COPY = /https?:\/\/[^\s]+(\/signature\/copie\/[A-Za-z0-9_-]{43})/g;

async function signWithTypedName(page: Page) {
  await page.getByRole("button", { name: "Saisir mon nom au clavier" }).click();
  await page.getByLabel(/Je confirme avoir lu/).check();
  await page.getByRole("button", { name: "Signer", exact: true }).click();
}

test("two client signatories sign in order from their own links, and both receive the sealed copy", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const first = { lastName: "Lefèvre", firstName: "Zoé", function: "Directrice générale", email: uniqueEmail("zoe.ordre") };
  const second = { lastName: "Garçon", firstName: "Loïc", function: "Président de la CME", email: uniqueEmail("loic.ordre") };
  const clientName = `Groupement des Cévennes ${stamp}`;

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInAndLand(editor, STAFF, "/editeur");
  await declareService(editor, `Coordination ${stamp}`);
  await editor.getByRole("link", { name: "Remplir une attestation" }).click();
  await editor.getByRole("link", { name: "Remplir une nouvelle attestation" }).click();

  await editor.getByLabel("Nom du client").fill(clientName);
  await editor.getByLabel("Adresse du client").fill("1 avenue de l'Hôpital\n30100 Alès");
  await editor.getByLabel("Numéro SIRET du client").fill(randomSiret());
  const one = editor.getByRole("group", { name: "Signataire 1", exact: true });
  await one.getByLabel("Nom", { exact: true }).fill(first.lastName);
  await one.getByLabel("Prénom", { exact: true }).fill(first.firstName);
  await one.getByLabel("Fonction", { exact: true }).fill(first.function);
  await one.getByLabel("Adresse électronique du responsable signataire").fill(first.email);
  await editor.getByRole("button", { name: "Ajouter un signataire pour le client" }).click();
  const two = editor.getByRole("group", { name: "Signataire 2", exact: true });
  await expect(two.getByLabel("Nom", { exact: true })).toBeFocused();
  await two.getByLabel("Nom", { exact: true }).fill(second.lastName);
  await two.getByLabel("Prénom", { exact: true }).fill(second.firstName);
  await two.getByLabel("Fonction", { exact: true }).fill(second.function);
  // The same address twice: refused in French next to the second signatory, nothing saved.
  await two.getByLabel("Adresse électronique du signataire").fill(first.email.toUpperCase());
  await editor.getByLabel(/Dans l'ordre/).check();
  await editor.getByLabel("Nom et prénom du responsable légal de la société éditrice du logiciel concerné").selectOption({ index: 1 });
  await editor.getByLabel("Date de signature de la commande").fill("2026-01-15");
  await editor.getByLabel("Fait à").fill("Alès");
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(two.getByText("Cette adresse électronique est déjà celle d'un autre signataire du client.")).toBeVisible();
  await two.getByLabel("Adresse électronique du signataire").fill(second.email);
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByText("L'attestation est enregistrée")).toBeVisible();
  const attestationUrl = editor.url().replace(/\?.*$/, "");

  await editor.getByRole("button", { name: "Envoyer pour signature" }).click();
  await expect(editor.getByText("L'attestation est envoyée pour signature")).toBeVisible();
  await expect(editor.getByText("En attente du signataire précédent")).toBeVisible();
  await expectAccessible(editor);

  // In order: only the first signatory has a link.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  const firstLinks = await mailedLinks(client, first.email, SIGNING);
  expect(firstLinks).toHaveLength(1);
  expect(await mailedLinks(client, second.email, SIGNING)).toHaveLength(0);
  await client.goto(firstLinks[0]!);
  await expect(client.getByRole("heading", { level: 1, name: "Signature de l'attestation de client" })).toBeVisible();
  await expect(client.getByText(`${second.firstName} ${second.lastName}, ${second.function}`)).toBeVisible();
  await signWithTypedName(client);
  await expect(client.getByText("Votre signature est enregistrée.", { exact: false })).toBeVisible();

  // Then the second one is invited, and signs from their own link.
  const secondContext = await browser.newContext();
  const secondPage = await secondContext.newPage();
  const secondLinks = await mailedLinks(secondPage, second.email, SIGNING);
  expect(secondLinks).toHaveLength(1);
  expect(secondLinks[0]).not.toBe(firstLinks[0]);
  await secondPage.goto(secondLinks[0]!);
  await expect(secondPage.getByLabel(/^Vos prénom et nom/)).toHaveValue(`${second.firstName} ${second.lastName}`);
  await signWithTypedName(secondPage);
  await expect(secondPage.getByText("Votre signature est enregistrée.", { exact: false })).toBeVisible();

  // The legal representative signs last; the attestation is sealed.
  const representativeContext = await browser.newContext();
  const representative = await representativeContext.newPage();
  await signInAndLand(representative, REPRESENTATIVE, "/editeur");
  await representative.goto(attestationUrl);
  await representative.getByLabel("Votre fonction").fill("Président");
  await signWithTypedName(representative);
  await expect(representative.getByRole("heading", { name: "Attestation signée par les deux parties et scellée" })).toBeVisible();

  // Each client signatory receives their own copy link, opens it without an account, and downloads the sealed PDF.
  const copies: string[] = [];
  for (const [page, person] of [
    [client, first],
    [secondPage, second],
  ] as const) {
    const links = await mailedLinks(page, person.email, COPY);
    expect(links).toHaveLength(1);
    copies.push(links[0]!);
    await page.goto(links[0]!);
    await expect(page.getByRole("heading", { level: 1, name: "Votre exemplaire de l'attestation de client signée" })).toBeVisible();
    await expect(page.getByText(`Exemplaire de ${person.firstName} ${person.lastName}`)).toBeVisible();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l'attestation signée et scellée (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Attestation client - Groupement des Cévennes \d+ - \d{4}-\d{2}-\d{2}\.pdf$/);
  }
  expect(copies[0]).not.toBe(copies[1]);

  // A link that is no copy link says so in French, and reveals nothing.
  await client.goto(`/signature/copie/${"B".repeat(43)}`);
  await expect(client.getByRole("heading", { level: 1, name: "Ce lien de téléchargement est introuvable" })).toBeVisible();
  await expect(client.getByText(clientName)).toHaveCount(0);
  await expectAccessible(client);
  expect((await client.request.get(`/signature/copie/${"B".repeat(43)}/document`)).status()).toBe(404);

  await Promise.all([editorContext.close(), clientContext.close(), secondContext.close(), representativeContext.close()]);
});
