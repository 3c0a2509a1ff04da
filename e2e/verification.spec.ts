// The public verification page with files that are not sealed attestations. The accepted case (a real sealed
// attestation, and its one-byte-modified copy) is part of the whole journey in attestation.spec.ts.
import { expect, test } from "./support/test";
import { PDFDocument } from "pdf-lib";
import { expectAccessible } from "./support/accessibility";

const FIELD = /Attestation au format PDF/;

test("anyone reaches /verification from the footer; non-PDF, oversized and unsealed files get clear French messages", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Vérifier une attestation" }).click();
  await expect(page).toHaveURL(/\/verification$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vérifier une attestation" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen.
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText("Choisissez le fichier PDF de l'attestation à vérifier.")).toBeVisible();
  await expect(page.getByLabel(FIELD)).toBeFocused();

  // Not a PDF: the server says so next to the field.
  await page.getByLabel(FIELD).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>Bonjour</html>") });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText(/Ce fichier n'est pas un PDF/)).toBeVisible();
  await expect(page.getByLabel(FIELD)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Oversized: refused before it is sent.
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
  big.write("%PDF-1.7\n");
  await page.getByLabel(FIELD).setInputFiles({ name: "gros.pdf", mimeType: "application/pdf", buffer: big });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText(/Le fichier dépasse 10 Mio/)).toBeVisible();

  // A real PDF without a seal.
  const document = await PDFDocument.create();
  document.addPage().drawText("Attestation de client");
  const unsigned = Buffer.from(await document.save());
  await page.getByLabel(FIELD).setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: unsigned });
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByRole("heading", { name: "Attestation non reconnue" })).toBeVisible();
  await expect(page.getByText(/ne porte aucun cachet électronique/)).toBeVisible();
  await expect(page.getByText(/dépasse 10 Mio/)).toHaveCount(0);
  await expectAccessible(page);
});
