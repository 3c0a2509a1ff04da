import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/accessibility";
import { submitProfile0Dossier } from "./support/review-setup";
import { signInAndLand } from "./support/session";

// The portal on a phone (390 px wide, as an iPhone 14 shows it), as a new editor and an ANS reviewer walk it: no
// page is wider than the screen (a wide table scrolls in its own box), and the main navigation waits behind a
// "Menu" button. Then the header of the pages reached through a personal link, and the State brand switch.

const PHONE = { width: 390, height: 844 };
const ADMIN = "admin@ans-demo.fr";
const secondInstance = `http://localhost:${Number(process.env.E2E_PORT ?? "3100") + 1}`;

/** The page fits the screen's width; when it does not, the message names the innermost elements that stick out. */
async function expectFitsScreen(page: Page) {
  const report = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Clipped by a scrolling box, which an absolutely positioned element escapes unless the box (or an element
    // between them) is its containing block.
    const inScrollBox = (element: Element) => {
      let escaping = getComputedStyle(element).position === "absolute";
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const clips = ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
        // Until its containing block (the first positioned ancestor), an absolute element ignores overflow.
        if (escaping && style.position === "static") continue;
        if (clips) return true;
        escaping = style.position === "absolute";
      }
      return false;
    };
    const offenders = Array.from(document.body.querySelectorAll("*")).filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.right > width + 0.5 && !inScrollBox(element);
    });
    const innermost = offenders.filter((element) => !offenders.some((other) => other !== element && element.contains(other)));
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      offenders: innermost.slice(0, 6).map((element) => {
        const classes = Array.from(element.classList).slice(0, 5).join(".");
        const text = (element.textContent ?? "").trim().slice(0, 50);
        return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}> up to ${Math.round(element.getBoundingClientRect().right)} px: « ${text} »`;
      }),
    };
  });
  expect(report.scrollWidth, `${page.url()} is ${report.scrollWidth} px wide on a ${report.width} px screen:\n${report.offenders.join("\n")}`).toBeLessThanOrEqual(report.width);
  for (const landmark of [page.getByRole("banner"), page.getByRole("contentinfo")]) {
    expect((await landmark.boundingBox())?.width, `${page.url()}: header and footer span the screen`).toBe(report.width);
  }
}

async function phone(browser: Browser, storageState?: BrowserContextOptions["storageState"]) {
  return (await browser.newContext({ viewport: PHONE, storageState })).newPage();
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectFitsScreen(page);
}

test("on a phone, every page keeps the screen's width and the navigation opens from a menu button", async ({ browser }) => {
  test.setTimeout(240_000);
  // An approved dossier: the whitelist, the enrolment and the dossier pages have something to show.
  const dossier = await submitProfile0Dossier(browser, "telephone");
  const dossierId = dossier.dossierUrl.split("/").pop()!;
  // Once submitted, the editor's home and the dossier's checklist no longer ask to submit it.
  const progress = (page: Page) => page.getByRole("article", { name: dossier.serviceName });
  await dossier.editor.goto("/editeur");
  await expect(progress(dossier.editor)).toContainText("Où il en est : Dossier déposé, en attente d'instruction.");
  await expect(progress(dossier.editor)).not.toContainText("Prochaine étape");
  await dossier.editor.goto(dossier.dossierUrl);
  await expect(dossier.editor.getByRole("region", { name: "Pièces du dossier" })).toContainText("Le dossier est déposé : l'instructeur examine les pièces de ce dépôt.");
  await expect(dossier.editor.getByRole("region", { name: "Pièces du dossier" })).not.toContainText("peut être déposé");
  const reviewer = await (await browser.newContext()).newPage();
  await signInAndLand(reviewer, ADMIN, "/instruction");
  await reviewer.goto(`/instruction/dossiers/${dossierId}`);
  await reviewer.getByText("Approuver le dossier", { exact: true }).click();
  await reviewer.getByLabel("Je confirme approuver ce dossier et accorder l'habilitation").check();
  await reviewer.getByRole("button", { name: "Approuver et accorder l'habilitation" }).click();
  await expect(reviewer.getByText("Le dossier est approuvé : l'habilitation est accordée.")).toBeVisible();
  const enrolmentHref = await reviewer.getByRole("link", { name: /^Habilitation accordée par ce dossier/ }).getAttribute("href");

  // ── The editor, on the phone ──
  const editor = await phone(browser, await dossier.editor.context().storageState());
  await visit(editor, "/editeur");
  await expect(progress(editor)).toContainText("Où il en est : Habilité : Profil 0");
  const navigation = editor.getByRole("navigation", { name: "Navigation principale" });
  const menu = navigation.getByRole("button", { name: /^Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(navigation.getByRole("link", { name: "Liste blanche" })).toBeHidden();
  await expectAccessible(editor);
  // Reached and opened with the keyboard, with a visible focus ring.
  await editor.getByRole("link", { name: /^Espace de confiance ROR/ }).focus();
  for (let i = 0; i < 5 && !(await menu.evaluate((element) => element === document.activeElement)); i++) await editor.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await expect(menu).toHaveCSS("outline-style", "solid");
  await editor.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const list = editor.locator(`#${await menu.getAttribute("aria-controls")}`);
  await expect(list.getByRole("link", { name: "Espace éditeur" })).toHaveAttribute("aria-current", "page");
  await expect(list.getByRole("link", { name: "Liste blanche" })).toBeVisible();
  await expectFitsScreen(editor);
  await expectAccessible(editor);
  // Escape closes it and gives the focus back to the button.
  await editor.keyboard.press("Tab");
  await editor.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  // A link of the menu leads to its page, where the menu is closed again.
  await menu.click();
  await list.getByRole("link", { name: "Dossiers d'adhésion" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Dossiers d'adhésion" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expectFitsScreen(editor);

  await visit(editor, "/editeur/services");
  await editor.getByRole("link", { name: dossier.serviceName }).first().click();
  await expect(editor.getByRole("heading", { level: 1, name: dossier.serviceName })).toBeVisible();
  await expectFitsScreen(editor);
  const servicePath = new URL(editor.url()).pathname;
  for (const path of [
    `${servicePath}/certificats?environnement=TEST`,
    `${servicePath}/attestations`,
    `${servicePath}/platines`,
    `/editeur/dossiers/${dossierId}`,
    "/editeur/liste-blanche",
    "/editeur/organisation",
    "/editeur/charte",
  ]) {
    await visit(editor, path);
  }
  await expectAccessible(editor);

  // ── The reviewer, on the phone ──
  const ans = await phone(browser, await reviewer.context().storageState());
  await visit(ans, "/instruction/liste-blanche");
  // The whitelist table scrolls in its own box, which the keyboard can reach.
  const box = ans.getByRole("region", { name: /^Liste blanche/ });
  await expect(box).toHaveAttribute("tabindex", "0");
  expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await expectAccessible(ans);
  await visit(ans, enrolmentHref!);
  await expectAccessible(ans);
  for (const path of [
    "/instruction",
    `/instruction/dossiers/${dossierId}`,
    "/instruction/passerelle",
    "/administration",
    "/administration/journal",
    "/administration/autorites",
    "/administration/profils",
    "/administration/platines",
    "/administration/jetons",
    "/administration/reprise",
    "/administration/charte",
    "/administration/instructeurs",
  ]) {
    await visit(ans, path);
  }
  await expectAccessible(ans);

  // ── Anybody ──
  const visitor = await phone(browser);
  for (const path of ["/", "/charte", "/connexion", "/inscription", "/verification", "/mentions-legales"]) await visit(visitor, path);
  await expectAccessible(visitor);
});

test("the pages of a personal link show the portal's name only: no navigation, no account to create", async ({ page }) => {
  for (const path of ["/signature/lien-de-signature-inconnu", "/invitation/lien-d-invitation-inconnu"]) {
    await page.goto(path);
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("link", { name: /^Espace de confiance ROR/ })).toBeVisible();
    await expect(banner.getByRole("link", { name: "Créer un compte éditeur" })).toHaveCount(0);
    await expect(banner.getByRole("link", { name: "Se connecter" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toHaveCount(0);
    await expectAccessible(page);
  }
  // Everywhere else, the full header.
  await page.goto("/verification");
  await expect(page.getByRole("banner").getByRole("link", { name: "Créer un compte éditeur" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
});

test("the State brand block shows only where PORTAL_STATE_BRANDING is on", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).not.toContainText("République");
  // The second e2e instance is set as an ANS deployment (scripts/e2e-server.ts).
  await page.goto(`${secondInstance}/`);
  await expect(page.getByRole("banner").getByText(/République\s*Française/)).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Liberté");
  await expectAccessible(page);
});
