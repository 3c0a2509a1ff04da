import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { submitProfile0Dossier } from "./support/review-setup";
import { captureAction, replay } from "./support/server-actions";
import { signInAndLand } from "./support/session";

// A review team at work (issue 26): two reviewers, one takes a dossier and writes an internal note; an administrator
// writes a message template that the reviewer inserts, edits and sends; the editor sees what is new, and nothing of
// the note on any page, download or mail they can reach. Then the statistics pages.

const REVIEWER = "instructeur@ans-demo.fr";
const REVIEWER_NAME = "Hélène Girard";
const ADMIN = "admin@ans-demo.fr";

async function signedIn(browser: Parameters<typeof submitProfile0Dossier>[0], email: string, landing: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndLand(page, email, landing);
  return page;
}

/** Every page and download of the portal an editor reaches by following links from `start`, with what each answered. */
async function crawl(request: APIRequestContext, base: string, start: string[], limit = 80): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const response = await request.get(path, { maxRedirects: 0 });
    const body = (await response.body()).toString("utf8");
    seen.set(path, body);
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const match of body.matchAll(/href="([^"#]+)/g)) {
      const url = new URL(match[1]!.replace(/&amp;/g, "&"), base);
      if (url.origin !== new URL(base).origin) continue;
      const next = url.pathname + url.search;
      // Sign-out and the ANS's pages (403) say nothing of the dossier; Next's own assets neither.
      if (/^\/(_next|instruction|administration|connexion|inscription)/.test(url.pathname) || seen.has(next) || queue.includes(next)) continue;
      if (/^\/(editeur|api|courriels|statistiques)/.test(url.pathname)) queue.push(next);
    }
  }
  return seen;
}

test("two reviewers: one takes the dossier and writes an internal note that never reaches the editor; a template is inserted, edited and sent", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const dossier = await submitProfile0Dossier(browser, "equipe");
  const applicationId = dossier.dossierUrl.split("/").pop()!;
  const reviewPath = `/instruction/dossiers/${applicationId}`;
  const secret = `NOTE-INTERNE-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

  const reviewer = await signedIn(browser, REVIEWER, "/instruction");
  const admin = await signedIn(browser, ADMIN, "/instruction");

  // The reviewer takes the dossier, then writes an internal note.
  await reviewer.goto(reviewPath);
  const attribution = reviewer.getByRole("region", { name: "Attribution" });
  await expect(attribution).toContainText("Dossier non attribué");
  await attribution.getByRole("button", { name: "Je prends ce dossier" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "L'attribution du dossier est enregistrée." })).toBeVisible();
  await expect(attribution).toContainText(`Dossier suivi par vous (${REVIEWER_NAME})`);
  const notes = reviewer.getByRole("region", { name: "Notes internes de l'ANS" });
  await notes.getByLabel(/^Nouvelle note interne/).fill(" ");
  await notes.getByRole("button", { name: "Ajouter la note interne" }).click();
  await expect(notes.getByText("Écrivez la note.")).toBeVisible();
  await notes.getByLabel(/^Nouvelle note interne/).fill(`${secret} : l'éditeur relance souvent, à traiter avant vendredi.`);
  await notes.getByRole("button", { name: "Ajouter la note interne" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Votre note interne est enregistrée" })).toBeVisible();
  await expect(notes).toContainText(secret);
  await expectAccessible(reviewer);

  // The second reviewer (the administrator) sees who has it, in the queue and its filters, and reads the note.
  await admin.goto(`/instruction?statut=tous&q=${encodeURIComponent(dossier.serviceName)}`);
  const row = admin.getByRole("row", { name: new RegExp(dossier.serviceName) });
  await expect(row).toContainText(REVIEWER_NAME);
  await admin.goto(`/instruction?statut=tous&attribution=non-attribues&q=${encodeURIComponent(dossier.serviceName)}`);
  await expect(admin.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();
  await admin.goto(`/instruction?statut=tous&attribution=mes-dossiers&q=${encodeURIComponent(dossier.serviceName)}`);
  await expect(admin.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();
  await reviewer.goto(`/instruction?attribution=mes-dossiers&q=${encodeURIComponent(dossier.serviceName)}`);
  await expect(reviewer.getByRole("row", { name: new RegExp(dossier.serviceName) })).toBeVisible();
  await admin.goto(reviewPath);
  await expect(admin.getByRole("region", { name: "Notes internes de l'ANS" })).toContainText(secret);
  await expect(admin.getByRole("region", { name: "Historique du dossier" })).toContainText("Note interne ajoutée");

  // The administrator writes a template: markup and an unknown placeholder are refused next to the field.
  const title = `Précision du périmètre ${Date.now()}`;
  await admin.goto("/administration/modeles");
  await admin.getByLabel(/^Titre du modèle/).fill(title);
  await admin.getByLabel(/^Texte du modèle/).fill("<b>Bonjour</b>");
  await admin.getByRole("button", { name: "Ajouter le modèle" }).click();
  await expect(admin.getByText("Le modèle ne peut pas contenir de balises")).toBeVisible();
  await admin.getByLabel(/^Texte du modèle/).fill("Bonjour {prenom},");
  await admin.getByRole("button", { name: "Ajouter le modèle" }).click();
  await expect(admin.getByText(/^Variable inconnue : \{prenom\}/)).toBeVisible();
  await admin.getByLabel(/^Texte du modèle/).fill("Bonjour,\n\nPour le service « {service} » de {organisation}, précisez les utilisateurs finaux.\n\n{instructeur}");
  await admin.getByRole("button", { name: "Ajouter le modèle" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Le modèle est ajouté" })).toBeVisible();
  await expect(admin.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(admin);

  // The reviewer inserts it, edits it and sends it to the editor.
  await reviewer.goto(reviewPath);
  const exchanges = reviewer.getByRole("region", { name: "Échanges avec l'éditeur" });
  await exchanges.getByLabel(/^Modèle de message/).selectOption({ label: title });
  await exchanges.getByRole("button", { name: "Insérer le modèle" }).click();
  const body = exchanges.getByLabel(/^Votre message à l'éditeur/);
  await expect(body).toHaveValue(`Bonjour,\n\nPour le service « ${dossier.serviceName} » de ${dossier.legalName}, précisez les utilisateurs finaux.\n\n${REVIEWER_NAME}`);
  await body.fill(`${await body.inputValue()}\nMerci d'avance.`);
  await exchanges.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Votre message a été envoyé à l'éditeur." })).toBeVisible();

  // The editor sees what is new: a count in the navigation and "nouveau" in the list, until they open the dossier.
  const editor = dossier.editor;
  await editor.goto("/editeur");
  const navigation = editor.getByRole("navigation", { name: "Navigation principale" });
  await expect(navigation.getByRole("link", { name: "Dossiers d'adhésion (1 dossier avec du nouveau)" })).toBeVisible();
  await navigation.getByRole("link", { name: /^Dossiers d'adhésion/ }).click();
  await expect(editor.getByRole("row", { name: new RegExp(dossier.serviceName) })).toContainText("nouveau");
  await editor.goto(dossier.dossierUrl);
  await expect(editor.getByText("précisez les utilisateurs finaux")).toBeVisible();
  await editor.goto("/editeur/dossiers");
  await expect(editor.getByRole("row", { name: new RegExp(dossier.serviceName) })).not.toContainText("nouveau");
  await expect(editor.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Dossiers d'adhésion", exact: true })).toBeVisible();

  // Nothing the editor can reach holds the note: every page and download linked from their space, and the mail.
  const reached = await crawl(editor.request, baseURL!, [
    dossier.dossierUrl.replace(baseURL!, ""),
    "/editeur",
    "/editeur/dossiers",
    "/editeur/liste-blanche",
    "/editeur/services",
    "/editeur/organisation",
    `/courriels?a=${encodeURIComponent(dossier.editorEmail)}`,
    `/courriels?a=${encodeURIComponent(REVIEWER)}`,
    `/courriels?a=${encodeURIComponent(ADMIN)}`,
    "/courriels",
    "/statistiques",
  ]);
  const paths = [...reached.keys()];
  expect(paths.some((p) => p.startsWith("/editeur/services/"))).toBe(true);
  expect(paths.length).toBeGreaterThan(15);
  for (const [path, text] of reached) {
    expect(text, path).not.toContain(secret);
    if (path.startsWith("/editeur")) expect(text, path).not.toContain("Note interne");
  }
  // The editor's own page of the dossier: not the note, not who is in charge.
  for (const word of ["suivi par", "Attribution du dossier", "Notes internes"]) expect(reached.get(dossier.dossierUrl.replace(baseURL!, ""))).not.toContain(word);

  // Forged posts of the note and assignment forms, replayed with the editor's cookies: 403, nothing written.
  await reviewer.goto(reviewPath);
  const forgedNote = await captureAction(reviewer, async () => {
    await reviewer.getByLabel(/^Nouvelle note interne/).fill("Note forgée par l'éditeur");
    await reviewer.getByRole("button", { name: "Ajouter la note interne" }).click();
  });
  await reviewer.goto(reviewPath);
  const forgedAssignment = await captureAction(reviewer, async () => {
    await reviewer.getByLabel("Attribuer le dossier à").selectOption({ label: "Personne (tous les instructeurs sont prévenus)" });
    await reviewer.getByRole("button", { name: "Attribuer", exact: true }).click();
  });
  for (const action of [forgedNote, forgedAssignment]) expect((await replay(editor.request, action)).status()).toBe(403);
  await reviewer.goto(reviewPath);
  await expect(reviewer.getByRole("region", { name: "Notes internes de l'ANS" })).not.toContainText("Note forgée");
  await expect(reviewer.getByRole("region", { name: "Attribution" })).toContainText(`Dossier suivi par vous (${REVIEWER_NAME})`);
  // And the reviewer's own pages stay closed to the editor.
  expect((await editor.goto(reviewPath))?.status()).toBe(403);
});

test("the statistics: charts with their tables and CSV, refused periods, and the public page", async ({ browser }) => {
  test.setTimeout(120_000);
  const reviewer = await signedIn(browser, REVIEWER, "/instruction");
  await reviewer.getByRole("link", { name: "Statistiques de l'espace de confiance" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Statistiques de l'espace de confiance" })).toBeVisible();
  const charts = reviewer.locator("svg[role=img]");
  // Five charts; the one of enrolments in force only once there is one (the other specs approve dossiers meanwhile).
  await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(4);
  for (const name of ["Dossiers déposés, approuvés et refusés par mois", "Délai entre le premier dépôt et la décision", "Dossiers en attente à la fin de chaque mois", "Certificats arrivant à expiration dans les douze prochains mois"]) {
    await expect(reviewer.getByRole("img", { name })).toBeVisible();
    await expect(reviewer.getByRole("table", { name: `Données du graphique : ${name.toLowerCase()}` })).toBeVisible();
  }
  await expect(reviewer.getByRole("table", { name: /^Délais en jours/ })).toBeVisible();
  // Server-rendered, no script and no style attribute in the charts (the content security policy refuses them).
  expect(await reviewer.locator("svg[role=img] script, svg[role=img] [style], svg[role=img][style]").count()).toBe(0);
  const submitted = reviewer.getByRole("table", { name: /dossiers déposés, approuvés et refusés par mois/ });
  await expect(submitted.getByRole("row")).toHaveCount(13);
  await expectAccessible(reviewer);

  const csvLink = reviewer.getByRole("link", { name: "Télécharger les données (CSV) : Dossiers déposés, approuvés et refusés par mois" });
  const csv = await reviewer.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toBe('\uFEFF"Mois";"Dossiers déposés";"Dossiers approuvés";"Dossiers refusés"');
  expect(lines.filter((l) => l)).toHaveLength(13);

  // A chosen period; one in the future and an inverted one are refused next to their field, without charts.
  await reviewer.getByLabel(/^Du mois de/).fill("2026-01");
  await reviewer.getByLabel(/^Au mois de/).fill("2026-03");
  await reviewer.getByRole("button", { name: "Afficher" }).click();
  await expect(reviewer.getByText("Période : de janvier 2026 à mars 2026.")).toBeVisible();
  await reviewer.goto("/instruction/statistiques?du=2026-01&au=2099-12");
  await expect(reviewer.getByText(/^La période ne peut pas aller au-delà du mois en cours/)).toBeVisible();
  await expect(charts).toHaveCount(0);
  await reviewer.goto("/instruction/statistiques?du=2026-05&au=2026-02");
  await expect(reviewer.getByText("Le début de la période doit précéder sa fin (ou être le même mois).")).toBeVisible();
  await expectAccessible(reviewer);
  const refused = await reviewer.request.get("/instruction/statistiques/donnees/depots-et-decisions.csv?du=2026-05&au=2026-02");
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toBe("Période refusée : Le début de la période doit précéder sa fin (ou être le même mois).");

  // The editors have no access to the detailed statistics.
  const editor = await signedIn(browser, "equipe@editeur-demo.fr", "/editeur");
  expect((await editor.goto("/instruction/statistiques"))?.status()).toBe(403);
  expect((await editor.request.get("/instruction/statistiques/donnees/depots-et-decisions.csv")).status()).toBe(403);

  // The public page: counts per profile and the median time, for anybody, with no organisation named.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "L'espace de confiance en chiffres" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "L'espace de confiance du ROR en chiffres" })).toBeVisible();
  await expect(visitor.getByRole("img", { name: "Services habilités par profil d'accès" })).toBeVisible();
  await expect(visitor.getByRole("table", { name: /services habilités par profil d'accès/ })).toBeVisible();
  await expect(visitor.getByText("Délai médian d'instruction sur les douze derniers mois")).toBeVisible();
  await expect(visitor.locator("main")).not.toContainText("Santé Numérique Démo");
  await expectAccessible(visitor);
  const publicCsv = await visitor.request.get("/statistiques/donnees/services-par-profil.csv");
  expect((await publicCsv.text()).split("\r\n")[0]).toBe('\uFEFF"Profil d\'accès";"Services habilités"');
});
