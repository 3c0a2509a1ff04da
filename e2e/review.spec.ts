import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { resubmit, submitProfile0Dossier } from "./support/review-setup";
import { enrolTotp } from "./support/second-factor";
import { signIn, signInAndLand } from "./support/session";

// The reviewer's side, as people use it: the queue's filters and search, the dossier page, a request for changes,
// then two reviewers on the same dossier: one approves with profile 2 and edited quotas, the other is told it
// changed meanwhile. The dossier itself is made through the editor's pages (e2e/support/review-setup.ts).
// Then the administration of ANS accounts and the audit log with its CSV export.

const REVIEWER = "instructeur@ans-demo.fr";
const ADMIN = "admin@ans-demo.fr";
const MODIFIED_MEANWHILE = "Le dossier a été modifié entre-temps par quelqu'un d'autre.";

async function openDossier(page: Page, url: string, serviceName: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: `Dossier : ${serviceName}` })).toBeVisible();
}

test("a reviewer filters the queue, requests changes; two reviewers decide at once and exactly one wins", async ({ browser }) => {
  test.setTimeout(240_000);
  const dossier = await submitProfile0Dossier(browser, "file");

  const reviewer = await (await browser.newContext()).newPage();
  await signInAndLand(reviewer, REVIEWER, "/instruction");
  await expect(reviewer.getByRole("heading", { level: 1, name: "Instruction des dossiers" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: /^À instruire \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  await expectAccessible(reviewer);

  // Filters and a search by SIRET (typed with spaces, as people copy it).
  await reviewer.getByLabel("Statut", { exact: true }).selectOption({ label: "À instruire" });
  await reviewer.getByLabel("Profil demandé").selectOption({ value: "0" });
  await reviewer.getByLabel("Type de demande").selectOption({ label: "Nouvelle adhésion" });
  await reviewer.getByLabel("Attente depuis le dernier dépôt").selectOption({ label: "Moins de 7 jours" });
  await reviewer.getByLabel("Rechercher", { exact: true }).fill(dossier.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4"));
  await reviewer.getByRole("button", { name: "Appliquer" }).click();
  await expect(reviewer).toHaveURL(/profil=0/);
  const table = reviewer.getByRole("table", { name: /À instruire : 1 dossier correspondant aux filtres/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  const row = table.getByRole("row", { name: new RegExp(dossier.serviceName) });
  await expect(row).toContainText(dossier.legalName);
  await expect(row).toContainText("en attente depuis moins d'une heure");
  await expectAccessible(reviewer);

  // A search that matches nothing says so; a search by service name finds it too.
  await reviewer.getByLabel("Rechercher", { exact: true }).fill("aucun dossier ne s'appelle ainsi");
  await reviewer.getByRole("button", { name: "Appliquer" }).click();
  await expect(reviewer.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();
  await reviewer.getByRole("link", { name: "Réinitialiser" }).click();
  await reviewer.getByLabel("Rechercher", { exact: true }).fill(dossier.serviceName.toLowerCase());
  await reviewer.getByLabel("Trier par").selectOption({ label: "Dépôts les plus récents d'abord" });
  await reviewer.getByRole("button", { name: "Appliquer" }).click();
  await reviewer.getByRole("link", { name: dossier.serviceName, exact: true }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Dossier : ${dossier.serviceName}` })).toBeVisible();
  const dossierUrl = reviewer.url();

  // Everything in one place.
  await expect(reviewer.getByRole("region", { name: "Organisation et service" })).toContainText(dossier.legalName);
  await expect(reviewer.getByRole("region", { name: "URL déclarées" })).toContainText("https://test.revue.exemple.fr/ror");
  await expect(reviewer.getByRole("region", { name: "Charte d'accès" })).toContainText("acceptée le");
  await expect(reviewer.getByRole("region", { name: "Évaluation PLATINES" }).getByRole("link", { name: "Examiner les résultats PLATINES du service" })).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Historique du dossier" })).toContainText("Dossier déposé (Éloi Éditeur)");
  await expectAccessible(reviewer);

  // The confirmation is required: without it nothing is sent.
  await reviewer.getByText("Demander des modifications", { exact: true }).click();
  await reviewer.getByLabel(/^Modifications attendues/).fill("Merci de déclarer l'URL de production.");
  await reviewer.getByRole("button", { name: "Renvoyer le dossier à l'éditeur" }).click();
  await expect(reviewer.getByText("Cochez la case pour confirmer votre décision.")).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByLabel("Je confirme renvoyer le dossier à l'éditeur pour modifications").check();
  await reviewer.getByRole("button", { name: "Renvoyer le dossier à l'éditeur" }).click();
  await expect(reviewer.getByText("Le dossier a été renvoyé à l'éditeur avec votre demande de modifications.")).toBeVisible();
  await expect(reviewer.getByText("Statut", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Modifications demandées");
  await expect(reviewer.getByRole("region", { name: "Échanges avec l'éditeur" })).toContainText("Merci de déclarer l'URL de production.");

  // A message of the reviewer (script refused, plain text sent).
  await reviewer.getByLabel(/^Votre message à l'éditeur/).fill("<script>alert(1)</script>");
  await reviewer.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(reviewer.getByText(/ne peut pas contenir de balises HTML/)).toBeVisible();
  await reviewer.getByLabel(/^Votre message à l'éditeur/).fill("Je reste disponible pour toute question.");
  await reviewer.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(reviewer.getByText("Votre message a été envoyé à l'éditeur.")).toBeVisible();

  // The editor resubmits; the reviewer sees the diff.
  await resubmit(dossier);
  await openDossier(reviewer, dossierUrl, dossier.serviceName);
  await expect(reviewer.getByRole("region", { name: "Changements depuis le dépôt précédent" })).toContainText("https://revue.exemple.fr/ror");

  // A second reviewer (the administrator) opens the same dossier at the same version.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, ADMIN);
  await expect(second).toHaveURL(/\/instruction/);
  await openDossier(second, dossierUrl, dossier.serviceName);

  // The first approves with profile 2 and edited quotas (a reason is required once they depart from the defaults).
  await reviewer.getByText("Approuver le dossier", { exact: true }).click();
  await reviewer.getByLabel(/^Profil d'accès accordé/).selectOption({ label: "Profil 2 — données restreintes" });
  const authenticated = reviewer.getByLabel(/^Appels par seconde sur une API authentifiée/);
  await expect(authenticated).toHaveValue("10");
  await authenticated.fill("25");
  await reviewer.getByLabel(/^Appels par seconde sur une API publique/).fill("8");
  await reviewer.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
  await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  await expect(reviewer.getByText(/Saisissez le motif : les quotas s'écartent de ceux du profil/)).toBeVisible();
  await reviewer.getByLabel(/^Motif des quotas/).fill("Pic d'activité attendu pendant la campagne de vaccination.");
  await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Historique du dossier" })).toContainText("Dossier approuvé");
  await expect(reviewer.getByRole("link", { name: /^Habilitation accordée par ce dossier \(En vigueur\)/ })).toHaveAttribute("href", /\/instruction\/liste-blanche\//);
  await expect(reviewer.getByRole("region", { name: "Décision" })).toContainText("Aucune décision n'est possible");
  await expectAccessible(reviewer);

  // The second, on the stale page, refuses: told in French that it changed meanwhile, and nothing is applied.
  await second.getByText("Refuser le dossier", { exact: true }).click();
  await second.getByLabel(/^Motif du refus/).fill("Justification insuffisante.");
  await second.getByLabel("Je confirme refuser définitivement ce dossier").check();
  await second.getByRole("button", { name: "Refuser définitivement le dossier" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Le refus n'a pas été enregistré" })).toContainText(MODIFIED_MEANWHILE);
  await second.reload();
  await expect(second.getByText("Statut", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Approuvé");
  await expect(second.getByRole("region", { name: "Historique du dossier" })).not.toContainText("Dossier refusé");

  // The queue of approved dossiers lists it.
  await reviewer.goto(`/instruction?statut=approuves&q=${encodeURIComponent(dossier.serviceName)}`);
  await expect(reviewer.getByRole("link", { name: dossier.serviceName, exact: true })).toBeVisible();
});

test("an administrator creates a reviewer account, disables it, and finds it all in the audit log and its CSV export", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await expect(admin).toHaveURL(/\/instruction/);
  await admin.getByRole("link", { name: "Administration" }).click();
  await admin.getByRole("link", { name: /^Comptes de l'ANS/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Comptes de l'ANS" })).toBeVisible();
  await expectAccessible(admin);

  const email = `instructeur.${Date.now()}@ans-demo.fr`;
  await admin.getByLabel(/^Nom et prénom/).fill("Noé Nouvel");
  await admin.getByLabel(/^Adresse e-mail/).fill(email);
  await admin.getByRole("button", { name: "Créer le compte" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Compte créé pour ${email}` })).toBeVisible();
  const oneTimePassword = (await admin.getByTestId("mot-de-passe-unique").textContent())!.trim();
  await expect(admin.getByRole("row", { name: /Noé Nouvel/ })).toContainText("Instructeur ANS");
  await expectAccessible(admin);

  // The new reviewer signs in with it, chooses a password of their own, and lands on the queue.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await signIn(newcomer, email, oneTimePassword);
  await expect(newcomer).toHaveURL(/\/compte\/nouveau-mot-de-passe$/);
  await newcomer.getByLabel(/^Nouveau mot de passe/).fill("ma phrase d'instructeur 2026");
  await newcomer.getByLabel("Confirmation du nouveau mot de passe").fill("ma phrase d'instructeur 2026");
  await newcomer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  // Then an ANS account enrols a second factor before anything else (issue 19).
  await expect(newcomer).toHaveURL(/\/compte\/second-facteur\/activation$/);
  await enrolTotp(newcomer, email);
  await newcomer.getByRole("link", { name: "J'ai noté mes codes de secours, continuer" }).click();
  await expect(newcomer).toHaveURL(/\/instruction/);

  // Disabled: the next request of that person is anonymous.
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "Désactiver le compte de Noé Nouvel" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Le compte de Noé Nouvel est désactivé." })).toBeVisible();
  await expect(admin.getByRole("row", { name: /Noé Nouvel/ })).toContainText("Désactivé");
  await newcomer.goto("/instruction");
  await expect(newcomer).toHaveURL(/\/connexion/);

  // The administrator cannot demote or disable themselves: their own row says so instead of offering buttons.
  await expect(admin.getByRole("cell", { name: "Votre compte" })).toHaveCount(1);

  // The audit log, filtered.
  await admin.goto("/administration/journal");
  await expect(admin.getByRole("heading", { level: 1, name: "Journal des événements" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Événement", { exact: true }).selectOption({ label: "Compte ANS créé" });
  await admin.getByLabel(/^Adresse e-mail de l'auteur/).fill(ADMIN);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  await admin.getByLabel(/^Du/).fill(today);
  await admin.getByLabel(/^Au/).fill(today);
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin).toHaveURL(/type=ans_account.created/);
  const log = admin.getByRole("table", { name: /événements?, les plus récents d'abord/ });
  await expect(log.getByRole("row").nth(1)).toContainText("Compte ANS créé");
  await expectAccessible(admin);

  // The CSV export of the same filters: BOM, French headers, the event.
  const href = await admin.getByRole("link", { name: "Exporter ces événements en CSV" }).getAttribute("href");
  expect(href).toContain("type=ans_account.created");
  const response = await admin.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = body.toString("utf8");
  expect(csv).toContain('"Date (heure de Paris)";"Événement";"Code de l\'événement";"Auteur"');
  expect(csv).toContain('"Compte ANS créé";"ans_account.created"');
  expect(csv).not.toContain("ans_account.disabled");

  // The export is in the journal too.
  await admin.goto("/administration/journal?type=audit_log.exported");
  await expect(admin.getByRole("table", { name: /événements?, les plus récents d'abord/ }).getByRole("row").nth(1)).toContainText("Journal exporté en CSV");
  await newcomerContext.close();
});
