import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { JUNIT_REPORT_ERRORS } from "../lib/platines/junit-report";
import { EXAMPLE_PLAN_BADGE } from "../lib/platines/test-plan-schema";
import { expectAccessible } from "./support/accessibility";
import { randomSiret, uniqueEmail } from "./support/identifiers";
import { signIn } from "./support/session";
import { confirmSignUpFromMailbox } from "./support/mailbox";

const PASSWORD = "une phrase de passe solide";
const SEARCH_PLAN = "API FHIR du ROR — recherche et lecture de l'offre";
const PAGING_PLAN = "API FHIR du ROR — pagination et gestion des erreurs";
const fixture = (name: string) => readFileSync(new URL(`../lib/platines/fixtures/${name}`, import.meta.url));

async function signUpAndDeclareService(page: Page, serviceName: string) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Paule Tinès");
  const email = uniqueEmail("paule");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByLabel("Confirmation du mot de passe").fill(PASSWORD);
  await page.getByLabel("Raison sociale").fill(`Interop Santé ${Date.now()}`);
  await page.getByLabel("Numéro SIRET").fill(randomSiret());
  await page.getByLabel("Adresse postale").fill("12 rue des Tests, 69003 Lyon");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpFromMailbox(page, email);
  await page.getByRole("link", { name: "Services numériques" }).click();
  await page.getByRole("link", { name: "Déclarer un service numérique" }).click();
  await page.getByLabel(/^Nom du service/).fill(serviceName);
  await page.getByLabel(/^Nom du logiciel/).fill("Orienta");
  await page.getByLabel(/^Version du logiciel/).fill("4.2");
  await page.getByLabel(/^Description du service/).fill("Orientation des patients vers les structures adaptées.");
  await page.getByRole("group", { name: /Finalité du service/ }).getByLabel("Orientation").check();
  await page.getByLabel(/^Utilisateurs du service/).fill("Les coordinateurs de parcours.");
  await page.getByRole("group", { name: /Profil d'accès demandé/ }).getByLabel(/^Profil 1/).check();
  await page.getByLabel(/^Justification du profil demandé/).fill("Lignes privées d'urgence.");
  await page.getByLabel("API FHIR").check();
  await page.getByRole("button", { name: "Déclarer le service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
}

const platinesItem = (page: Page) =>
  page.getByRole("region", { name: "Complétude du dossier" }).getByRole("listitem").filter({ hasText: "Résultats PLATINES" });
const planSection = (page: Page, name: string): Locator =>
  page.getByRole("region", { name: "Plans de tests exigés" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name }) });

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function submitSession(
  page: Page,
  options: { plan: string; sessionId: string; report: { name: string; buffer: Buffer }; evidence?: { name: string; mimeType: string; buffer: Buffer }[]; refusedInBrowser?: boolean },
) {
  await page.getByLabel(/^Plan de tests exécuté/).selectOption({ label: options.plan });
  await page.getByRole("group", { name: /Type de session/ }).getByLabel("Homologation").check();
  await page.getByLabel(/^Identifiant de la session PLATINES/).fill(options.sessionId);
  await page.getByLabel(/^Date d'exécution/).fill(daysAgo(2));
  await page.getByLabel(/^Rapport JUnit/).setInputFiles({ name: options.report.name, mimeType: "application/xml", buffer: options.report.buffer });
  await page.getByLabel(/^Pièces justificatives/).setInputFiles(options.evidence ?? []);
  // A file the server would refuse for its size is not even sent: the browser says so with the server's message.
  if (options.refusedInBrowser) return page.getByRole("button", { name: "Vérifier et enregistrer les résultats" }).click();
  // Wait for the server's answer, so each check reads the message of this upload, not of the previous one.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/platines")),
    page.getByRole("button", { name: "Vérifier et enregistrer les résultats" }).click(),
  ]);
}

test("an editor uploads PLATINES reports: bad files refused, failing cases first, plans satisfied, ANS validates", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const serviceName = `Orientation PLATINES ${Date.now()}`;
  await signUpAndDeclareService(page, serviceName);
  const serviceUrl = page.url().replace(/\?.*$/, "");
  await expect(platinesItem(page)).toContainText("À faire");
  await platinesItem(page).getByRole("link", { name: "Déposer des résultats PLATINES" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Résultats PLATINES du service ${serviceName}` })).toBeVisible();
  await expect(planSection(page, SEARCH_PLAN)).toContainText("Aucun résultat déposé");
  await expect(page.getByText(EXAMPLE_PLAN_BADGE)).toHaveCount(2);
  await expectAccessible(page);

  // Every bad report: its French message under the field, and nothing stored.
  const bigReport = Buffer.concat([Buffer.from("<testsuites><testsuite>"), Buffer.alloc(5 * 1024 * 1024, " "), Buffer.from("<testcase name='a'/></testsuite></testsuites>")]);
  const badReports: [string, Buffer, string][] = [
    ["resultats.pdf", fixture("refus-pas-xml.pdf"), JUNIT_REPORT_ERRORS.notXml],
    ["bundle.xml", fixture("refus-pas-junit.xml"), JUNIT_REPORT_ERRORS.notJunit("Bundle")],
    ["vide.xml", fixture("refus-aucun-cas.xml"), JUNIT_REPORT_ERRORS.noTestCases],
    ["entite.xml", fixture("refus-entite-externe.xml"), JUNIT_REPORT_ERRORS.doctype],
    ["bombe.xml", fixture("refus-bombe-entites.xml"), JUNIT_REPORT_ERRORS.doctype],
    ["gros.xml", bigReport, JUNIT_REPORT_ERRORS.tooLarge],
    ["journaux.zip", fixture("refus-journaux-session.zip"), JUNIT_REPORT_ERRORS.zip],
  ];
  for (const [name, buffer, message] of badReports) {
    await submitSession(page, { plan: SEARCH_PLAN, sessionId: "SESSION-KO", report: { name, buffer } });
    await expect(page.locator("#report-error"), name).toHaveText(message);
    await expect(page.getByRole("alert").filter({ hasText: "Les résultats n'ont pas été enregistrés" })).toBeVisible();
  }
  await expectAccessible(page);
  // An evidence file over 20 MiB, with a good report: refused as a whole, before it is sent.
  await submitSession(page, {
    plan: SEARCH_PLAN,
    sessionId: "SESSION-KO",
    report: { name: "succes.xml", buffer: fixture("homologation-recherche-lecture-succes.xml") },
    evidence: [{ name: "journaux.zip", mimeType: "application/zip", buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 1) }],
    refusedInBrowser: true,
  });
  await expect(page.locator("#evidence-error")).toHaveText("La pièce justificative « journaux.zip » dépasse la taille maximale de 20 Mio.");
  await page.reload();
  await expect(planSection(page, SEARCH_PLAN)).toContainText("Aucune session n'a encore été déposée pour ce plan.");
  await expect(page.getByRole("heading", { name: "Sessions précédentes (0)" })).toBeVisible();

  // A failing homologation session: the plan is not satisfied and failing cases come first.
  await submitSession(page, { plan: SEARCH_PLAN, sessionId: "SESSION-4821", report: { name: "echecs.xml", buffer: fixture("homologation-recherche-lecture-echecs.xml") } });
  await expect(page.getByRole("status").filter({ hasText: "Résultats enregistrés" })).toContainText("ne satisfait pas le plan");
  const searchPlan = planSection(page, SEARCH_PLAN);
  await expect(searchPlan).toContainText("Plan non satisfait");
  const rows = searchPlan.getByRole("table", { name: "Cas de test, les cas en échec d'abord" }).locator("tbody tr");
  await expect(rows).toHaveCount(10);
  await expect(rows.nth(0)).toContainText("Erreur");
  await expect(rows.nth(0)).toContainText("FHIR-HCS-02");
  await expect(rows.nth(0)).toContainText("Délai de réponse dépassé (30 s)");
  await expect(rows.nth(1)).toContainText("Échec");
  await expect(rows.nth(1)).toContainText("FHIR-ORG-02");
  await expect(rows.nth(2)).toContainText("Non exécuté");
  await expect(rows.nth(3)).toContainText("Absent du rapport");
  await expect(rows.nth(3)).toContainText("FHIR-LOC-02");
  await expect(rows.nth(4)).toContainText("Succès");
  await expect(searchPlan).toContainText("6 sur 9");
  await expect(searchPlan).toContainText("90 %");
  await expectAccessible(page);

  // Passing sessions for both plans, one with evidence: both satisfied.
  await submitSession(page, {
    plan: SEARCH_PLAN,
    sessionId: "SESSION-4830",
    report: { name: "recherche.xml", buffer: fixture("homologation-recherche-lecture-succes.xml") },
    evidence: [{ name: "resultats-session.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 résultats de la session 4830") }],
  });
  await expect(planSection(page, SEARCH_PLAN)).toContainText("Plan satisfait");
  await submitSession(page, { plan: PAGING_PLAN, sessionId: "SESSION-4831", report: { name: "pagination.xml", buffer: fixture("homologation-pagination-erreurs-succes.xml") } });
  await expect(planSection(page, PAGING_PLAN)).toContainText("Plan satisfait");
  await expect(page.getByRole("heading", { name: "Sessions précédentes (1)" })).toBeVisible();

  // Evidence download: for the owner only.
  const evidenceLink = planSection(page, SEARCH_PLAN).getByRole("link", { name: "Pièce justificative « resultats-session.pdf »" });
  const href = (await evidenceLink.getAttribute("href"))!;
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).toString()).toBe("%PDF-1.7 résultats de la session 4830");
  expect((await request.get(href)).status()).toBe(401);

  await page.goto(serviceUrl);
  await expect(platinesItem(page)).toContainText("Fait");
  await expect(platinesItem(page)).toContainText("2 plans de tests satisfaits par une session d'homologation.");

  // Another organisation's editor gets "not found" for the file.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUpAndDeclareService(other, `Autre service ${Date.now()}`);
  expect((await other.request.get(href)).status()).toBe(404);
  const serviceId = /services\/([0-9a-f-]{36})/.exec(serviceUrl)![1]!;
  expect((await other.goto(`/editeur/services/${serviceId}/platines`))!.status()).toBe(404);
  await otherContext.close();

  // The ANS reviewer reads the results and validates them.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "instructeur@ans-demo.fr");
  await expect(reviewer).toHaveURL(/\/instruction/);
  await reviewer.goto(`/instruction/services/${serviceId}/platines`);
  await expect(reviewer.getByRole("heading", { level: 1, name: `Résultats PLATINES du service ${serviceName}` })).toBeVisible();
  await expectAccessible(reviewer);
  const reviewed = reviewer.getByRole("region", { name: SEARCH_PLAN });
  await expect(reviewed).toContainText("Plan satisfait");
  await reviewed.getByLabel(/^Note de validation/).fill("Résultats conformes, journaux vérifiés.");
  await reviewed.getByRole("button", { name: `Valider les résultats du plan « ${SEARCH_PLAN} »` }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: `Résultats du plan « ${SEARCH_PLAN} » validés` })).toBeVisible();
  await expect(reviewed.getByText("Résultats validés par l'ANS")).toBeVisible();
  await expect(reviewed).toContainText("Résultats conformes, journaux vérifiés.");
  expect((await reviewer.request.get(href)).status()).toBe(200);
  await reviewerContext.close();

  await page.goto(`${serviceUrl}/platines`);
  await expect(planSection(page, SEARCH_PLAN)).toContainText(/Validée le .* par /);
});

test("an editor downloads a plan's JUnit skeleton and a report naming its cases as the page shows them covers the plan", async ({ page }) => {
  const serviceName = `Orientation Squelette ${Date.now()}`;
  await signUpAndDeclareService(page, serviceName);
  await page.goto(`${page.url().replace(/\?.*$/, "")}/platines`);
  await expect(page.getByRole("heading", { level: 3, name: "Comment les cas de test sont reconnus" })).toBeVisible();
  await expect(page.getByText(/« FHIR-ORG-01 — Recherche par nom »/)).toBeVisible();
  const plan = planSection(page, PAGING_PLAN);
  const [download] = await Promise.all([page.waitForEvent("download"), plan.getByRole("link", { name: /^Télécharger le squelette JUnit/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^squelette-junit-api-fhir-du-ror-pagination.*\.xml$/);
  const skeleton = readFileSync(await download.path(), "utf8");
  // Every required case the page lists is in the skeleton, named "identifier — title".
  await plan.getByText(/^Les \d+ cas de test requis$/).click();
  const listed = await plan.getByRole("listitem").allInnerTexts();
  expect(listed.length).toBeGreaterThan(0);
  for (const line of listed) expect(skeleton).toContain(`name="${line.replace(/'/g, "&apos;")}"`);

  // Uploaded untouched, it satisfies nothing: every case is still to run.
  await submitSession(page, { plan: PAGING_PLAN, sessionId: "SQUELETTE-1", report: { name: "squelette.xml", buffer: Buffer.from(skeleton) } });
  await expect(plan).toContainText("Plan non satisfait");
  await expect(plan).toContainText("Non exécuté");
  // Run, every case passing: the same names cover the plan entirely.
  await submitSession(page, { plan: PAGING_PLAN, sessionId: "SESSION-7001", report: { name: "passee.xml", buffer: Buffer.from(skeleton.replace(/<skipped [^>]*\/>/g, "")) } });
  await expect(plan).toContainText("Plan satisfait");
  await expect(plan).toContainText("100 %");
  await expectAccessible(page);
});

test("an ANS administrator creates, edits and deactivates a PLATINES test plan", async ({ page }) => {
  const name = `Plan d'essai ${Date.now()}`;
  await signIn(page, "admin@ans-demo.fr");
  await expect(page).toHaveURL(/\/instruction|\/administration/);
  await page.goto("/administration");
  await page.getByRole("link", { name: "Plans de tests PLATINES exigés des services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plans de tests PLATINES" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(SEARCH_PLAN) })).toContainText(EXAMPLE_PLAN_BADGE);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Créer un plan de tests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un plan de tests PLATINES" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nom du plan/).fill(name);
  await page.getByLabel(/^API couverte/).selectOption({ label: "Services web historiques" });
  await page.getByLabel(/^Description/).fill("Vérifie l'administration de structure.");
  await page.getByRole("group", { name: /Profils d'accès auxquels le plan s'applique/ }).getByLabel(/^Profil 4/).check();
  await page.getByLabel(/^Cas de test requis/).fill("ADM-01 — Lecture de la structure\nadm-01 — Doublon");
  await page.getByRole("button", { name: "Créer le plan" }).click();
  await expect(page.locator("#cases-error")).toContainText("Ligne 2 : l'identifiant « adm-01 » est déjà utilisé ligne 1");
  await page.getByLabel(/^Cas de test requis/).fill("ADM-01 — Lecture de la structure\nADM-02 — Mise à jour des capacités");
  await page.getByRole("button", { name: "Créer le plan" }).click();
  await expect(page.getByText(`Plan « ${name} » créé`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Actif");
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier le plan « ${name} »` })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel(/^Cas de test requis/)).toHaveValue("ADM-01 — Lecture de la structure\nADM-02 — Mise à jour des capacités");
  await page.getByLabel(/^Cas de test requis/).fill("ADM-01 — Lecture de la structure\nADM-02 — Mise à jour des capacités\nADM-03 — Gestion des erreurs");
  await page.getByLabel("Plan actif, exigé des services concernés").uncheck();
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText(`Plan « ${name} » enregistré`)).toBeVisible();
  const updated = page.getByRole("row", { name: new RegExp(name) });
  await expect(updated).toContainText("Désactivé");
  await expect(updated.getByRole("cell").nth(2)).toHaveText("3");
});
