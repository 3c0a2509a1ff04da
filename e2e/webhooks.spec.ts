import { expect, test } from "./support/test";
import { Webhook } from "standardwebhooks";
import { e2eWebhookReceiverDir, loadReceiverCertificate, startWebhookReceiver, type WebhookReceiver } from "../lib/testing/webhook-receiver";
import { expectAccessible } from "./support/accessibility";
import { submitProfile0Dossier } from "./support/review-setup";
import { signInAndLand } from "./support/session";

// An administrator subscribes a receiver (a real HTTPS server on loopback, with the certificate the Playwright server
// gave its worker), a reviewer approves a dossier, the receiver gets the signed approval, and the administrator finds
// the delivery in the subscription's log and replays it: the same webhook-id, signed again.

const ADMIN = "admin@ans-demo.fr";
const REVIEWER = "instructeur@ans-demo.fr";
const APPROVED = "Dossier approuvé, habilitation accordée";

let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver({ certificate: loadReceiverCertificate(e2eWebhookReceiverDir(process.env.E2E_PORT ?? "3100")) });
});

test.afterAll(async () => {
  await receiver?.close();
});

test("an administrator subscribes a receiver, sees the approval a reviewer made delivered, and replays it", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signInAndLand(admin, ADMIN, "/instruction");
  await admin.goto("/administration");
  await admin.getByRole("link", { name: /^Webhooks/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectAccessible(admin);

  // Bad input first: an http:// URL and no event type, each refused next to its field; nothing is created.
  const name = `Passerelle e2e ${Date.now()}`;
  await admin.getByLabel(/^Nom de l'abonnement/).fill(name);
  await admin.getByLabel(/^URL du récepteur/).fill(`http://localhost:${receiver.port}/ror/webhooks`);
  await admin.getByRole("button", { name: "Créer l'abonnement" }).click();
  await expect(admin.getByText("L'URL doit commencer par https:// : les webhooks ne partent que sur une connexion chiffrée.")).toBeVisible();
  await expect(admin.getByText("Choisissez au moins un type d'événement.")).toBeVisible();
  await expect(admin.getByLabel(/^URL du récepteur/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(admin);

  await admin.getByLabel(/^URL du récepteur/).fill(`https://localhost:${receiver.port}/ror/webhooks`);
  await admin.getByRole("group", { name: /Événements à recevoir/ }).getByLabel(APPROVED).check();
  await admin.getByRole("button", { name: "Créer l'abonnement" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Abonnement « ${name} » créé` })).toBeVisible();
  const secret = await admin.getByLabel("Secret de signature", { exact: true }).first().inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.secrets = [secret];
  await expectAccessible(admin);
  await admin.getByRole("link", { name: `Voir l'abonnement « ${name} » et ses envois` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Abonnement « ${name} »` })).toBeVisible();
  await expect(admin.getByRole("region", { name: "État" })).toContainText("Actif");
  await expectAccessible(admin);
  const subscriptionUrl = admin.url();

  // A reviewer approves a dossier.
  const dossier = await submitProfile0Dossier(browser, "webhook");
  const reviewer = await (await browser.newContext()).newPage();
  await signInAndLand(reviewer, REVIEWER, "/instruction");
  await reviewer.goto(dossier.dossierUrl.replace("/editeur/dossiers/", "/instruction/dossiers/"));
  await expect(reviewer.getByRole("heading", { level: 1, name: `Dossier : ${dossier.serviceName}` })).toBeVisible();
  await reviewer.getByText("Approuver le dossier", { exact: true }).click();
  await reviewer.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
  await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();
  const applicationId = new URL(dossier.dossierUrl).pathname.split("/").at(-1)!;
  // Webhooks are the administrators' alone: a reviewer gets 403 on both pages.
  expect((await reviewer.goto("/administration/webhooks"))?.status()).toBe(403);
  expect((await reviewer.goto(new URL(subscriptionUrl).pathname))?.status()).toBe(403);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();

  // The receiver gets it, signed with the secret shown once.
  const ofThisDossier = () => receiver.received.filter((r) => (JSON.parse(r.body) as { data?: { subject?: { id?: string } } }).data?.subject?.id === applicationId);
  await expect.poll(() => ofThisDossier().length, { timeout: 30_000 }).toBe(1);
  const [first] = ofThisDossier();
  expect(first!.verifiedWith).toBe(0);
  expect(new Webhook(secret).verify(first!.body, first!.headers as Record<string, string>)).toMatchObject({ type: "application.approved" });

  // The administrator finds the delivery in the log, and replays it.
  await admin.goto(subscriptionUrl);
  const row = admin.getByRole("row").filter({ hasText: dossier.serviceName });
  await expect(row).toContainText(APPROVED);
  await expect(row).toContainText("Remis le");
  await expect(row).toContainText("HTTP 200");
  await expect(row).toContainText(String(first!.headers["webhook-id"]));
  await expectAccessible(admin);
  await row.getByRole("button", { name: `Renvoyer l'envoi ${first!.headers["webhook-id"]}` }).click();
  await expect(row.getByRole("status")).toContainText("renvoyé : il repart dans la file, avec le même identifiant");
  // The worker takes the replay at its next poll, behind whatever it is running: under a loaded machine, seconds.
  await expect.poll(() => ofThisDossier().length, { timeout: 60_000 }).toBe(2);
  const replayed = ofThisDossier()[1]!;
  expect(replayed.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
  expect(replayed.body).toBe(first!.body);
  expect(replayed.verifiedWith).toBe(0);

  await expect(async () => {
    await admin.reload();
    await expect(admin.getByRole("row").filter({ hasText: dossier.serviceName }).getByRole("cell").nth(2)).toContainText("2", { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  const again = admin.getByRole("row").filter({ hasText: dossier.serviceName });
  await again.getByText("Journal").click();
  await expect(again).toContainText("(renvoi manuel)");
  await expectAccessible(admin);

  // Done: the administrator switches it off, and nothing more is sent to the receiver (closed after this spec).
  await admin.getByRole("button", { name: `Désactiver l'abonnement ${name}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Abonnement désactivé" })).toBeVisible();
  await expect(admin.getByRole("region", { name: "État" })).toContainText("Désactivé le");
  await expectAccessible(admin);
});
