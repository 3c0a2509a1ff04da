import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createTestAuthority, issueTestCertificate } from "../lib/testing/test-authority";
import { demoAccounts } from "../scripts/demo/demo-accounts";
import { expectAccessible } from "./support/accessibility";
import { signInAndLand } from "./support/session";

const admin = demoAccounts.find((a) => a.roles.includes("ANS_ADMIN"))!;
let directory: string;

test.beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), "ror-e2e-ca-bundle-"));
});
test.afterAll(() => rmSync(directory, { recursive: true, force: true }));

function section(page: Page, name: "Environnement de test" | "Environnement de production") {
  return page.getByRole("region", { name });
}

test("an administrator adds a CA to the test bundle, retires it, and is told why a client certificate is refused", async ({ page }) => {
  // Authorities of our own: other journeys rely on the seeded bundles, which this test never retires.
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const now = Date.now();
  const authority = await createTestAuthority({
    keyAlgorithm: "EC",
    notBefore: new Date(now - 24 * 3600 * 1000),
    notAfter: new Date(now + 5 * 365 * 24 * 3600 * 1000),
    rootCommonName: `AC RACINE E2E ${unique}`,
    issuingCommonName: `AC E2E ${unique}`,
  });
  const rootFile = path.join(directory, `racine-${unique}.pem`);
  writeFileSync(rootFile, authority.root.pem);
  const leaf = await issueTestCertificate(authority, {
    commonName: `Service E2E ${unique}`,
    keyAlgorithm: "EC",
    notBefore: new Date(now - 3600 * 1000),
    notAfter: new Date(now + 365 * 24 * 3600 * 1000),
  });
  const leafFile = path.join(directory, `client-${unique}.cer`);
  writeFileSync(leafFile, leaf.der);

  await signInAndLand(page, admin.email, "/instruction");
  await page.goto("/administration");
  await page.getByRole("link", { name: "Autorités de certification des environnements de test et de production" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autorités de certification" })).toBeVisible();

  const production = section(page, "Environnement de production");
  const productionRoot = production.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "AC RACINE IGC-SANTE ELEMENTAIRE", exact: true }) });
  await expect(productionRoot).toContainText("Racine");
  await expect(productionRoot).toContainText("2D:9E:22:CA:19:F7:77:C6:B7:45:25:7C:72:3E:CB:8D:F3:C3:5F:A6:F1:F6:EC:36:B8:36:00:C9:73:46:96:7F");
  await expect(productionRoot).toContainText("Du 25 juin 2013 au 25 juin 2033");
  await expect(productionRoot).toContainText("Chargée à l'installation");
  await expect(production.getByRole("rowheader", { name: "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", exact: true })).toBeVisible();
  const testBundle = section(page, "Environnement de test");
  await expect(testBundle.getByRole("rowheader", { name: "TEST AC RACINE IGC-SANTE ELEMENTAIRE", exact: true })).toBeVisible();
  await expect(testBundle.getByRole("rowheader", { name: "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Add our own root to the test bundle, as a file.
  await testBundle.getByLabel(/^Fichier du certificat de l'autorité/).setInputFiles(rootFile);
  await testBundle.getByRole("button", { name: "Ajouter à l'environnement de test" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Autorité « AC RACINE E2E ${unique} » ajoutée à l'environnement de test` })).toBeVisible();
  const added = section(page, "Environnement de test")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `AC RACINE E2E ${unique}`, exact: true }) });
  await expect(added).toContainText("Active");
  await expect(added).toContainText(admin.name);
  await expectAccessible(page);

  // Its intermediate, pasted as PEM text with no file chosen.
  await section(page, "Environnement de test").getByLabel(/^Ou certificat collé au format PEM/).fill(authority.issuing.pem);
  await section(page, "Environnement de test").getByRole("button", { name: "Ajouter à l'environnement de test" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Autorité « AC E2E ${unique} » ajoutée à l'environnement de test` })).toBeVisible();
  await expect(
    section(page, "Environnement de test").getByRole("row").filter({ has: page.getByRole("rowheader", { name: `AC E2E ${unique}`, exact: true }) }),
  ).toContainText("Intermédiaire");

  // Retire it: a confirmation first.
  await added.getByRole("button", { name: `Retirer l'autorité AC RACINE E2E ${unique}` }).click();
  await expect(added.getByText(`Retirer « AC RACINE E2E ${unique} » de l'environnement de test ?`)).toBeFocused();
  await expectAccessible(page);
  await added.getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Autorité « AC RACINE E2E ${unique} » retirée de l'environnement de test` })).toBeVisible();
  const retired = section(page, "Environnement de test")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `AC RACINE E2E ${unique}`, exact: true }) });
  await expect(retired).toContainText("Retirée le");
  await expect(retired.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
  // The seeded authorities are untouched.
  await expect(
    section(page, "Environnement de test").getByRole("row").filter({ has: page.getByRole("rowheader", { name: "TEST AC RACINE IGC-SANTE ELEMENTAIRE", exact: true }) }),
  ).toContainText("Active");
  await expectAccessible(page);

  // A client (leaf) certificate is not an authority: refused next to the field, nothing added.
  const file = section(page, "Environnement de test").getByLabel(/^Fichier du certificat de l'autorité/);
  await file.setInputFiles(leafFile);
  await section(page, "Environnement de test").getByRole("button", { name: "Ajouter à l'environnement de test" }).click();
  await expect(page.locator("#test-file-error")).toHaveText(
    `Le certificat « Service E2E ${unique} » n'est pas celui d'une autorité de certification (son extension ` +
      "basicConstraints ne porte pas cA) : seuls des certificats d'autorités, racines ou intermédiaires, peuvent être " +
      "ajoutés ici. Les certificats clients des services se déposent depuis l'espace éditeur.",
  );
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAttribute("aria-describedby", /test-file-error/);
  await expect(page.getByRole("rowheader", { name: `Service E2E ${unique}` })).toHaveCount(0);
  await expectAccessible(page);

  // Pasted text that is not a certificate, in the production form.
  const productionForm = section(page, "Environnement de production");
  await productionForm.getByLabel(/^Ou certificat collé au format PEM/).fill("<script>alert(1)</script>");
  await productionForm.getByRole("button", { name: "Ajouter à l'environnement de production" }).click();
  await expect(page.locator("#production-pem-error")).toContainText("Ce fichier n'est pas un certificat X.509 lisible.");
  await expectAccessible(page);
});

test("a reviewer cannot open the CA bundles", async ({ page }) => {
  const reviewer = demoAccounts.find((a) => a.roles.includes("ANS_REVIEWER") && !a.roles.includes("ANS_ADMIN"))!;
  await signInAndLand(page, reviewer.email, "/instruction");
  expect((await page.goto("/administration/autorites"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);
});
