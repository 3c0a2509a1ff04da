import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { signIn } from "./support/session";

// Issue 24 item 2: an administrator manages the catalogue of ROR APIs the gateway protects (ADR 0052). The API the
// journey adds has a prefix of its own and is retired at the end, so the other journeys' gateway keeps its shape.
const ADMIN = "admin@ans-demo.fr";

test("an administrator adds an API to the gateway's catalogue, is told why an overlapping prefix is refused, edits and retires it", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/administration/api");
  await expect(page.getByRole("heading", { level: 1, name: "API du ROR protégées par la passerelle" })).toBeVisible();
  const catalogue = page.getByRole("table", { name: "Catalogue des API du ROR" });
  await expect(catalogue.getByRole("row", { name: /API FHIR du ROR/ })).toContainText("/fhir/");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ajouter une API" }).click();
  const name = `API annuaire e2e ${Date.now()}`;
  const prefix = `/annuaire-e2e-${Date.now()}/`;
  await page.getByLabel(/^Nom de l'API/).fill(name);
  // Inside the FHIR API's prefix: refused by the server, next to the field.
  await page.getByLabel(/^Préfixe de chemin/).fill("/fhir/annuaire/");
  await page.getByLabel(/^Type de données/).selectOption({ label: "Données authentifiées" });
  await page.getByLabel(/^Quota de niveau 1/).fill("deux mille");
  await page.getByRole("button", { name: "Ajouter l'API" }).click();
  await expect(page.locator("#level1PerSecond-error")).toBeVisible();
  await page.getByLabel(/^Quota de niveau 1/).fill("30");
  await page.getByRole("button", { name: "Ajouter l'API" }).click();
  await expect(page.locator("#pathPrefix-error")).toContainText("API FHIR du ROR");
  await expect(page.getByLabel(/^Préfixe de chemin/)).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel(/^Préfixe de chemin/).fill(prefix);
  await page.getByRole("button", { name: "Ajouter l'API" }).click();
  await expect(page.getByText(`API « ${name} » ajoutée au catalogue`)).toBeVisible();
  const row = catalogue.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(prefix);
  await expect(row).toContainText("30");

  await row.getByRole("link", { name: `Modifier l'API ${name}` }).click();
  await page.getByLabel(/^Quota de niveau 1/).fill("40");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText(`API « ${name} » enregistrée`)).toBeVisible();
  await expect(row).toContainText("40");

  await row.getByRole("link", { name: `Modifier l'API ${name}` }).click();
  await page.getByRole("button", { name: "Retirer cette API de la passerelle" }).click();
  await page.getByRole("group", { name: `Confirmer le retrait de l'API ${name}` }).getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(page.getByText("API retirée du catalogue")).toBeVisible();
  await expect(row).toContainText("Retirée le");
});
