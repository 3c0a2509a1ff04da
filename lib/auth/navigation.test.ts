import { describe, expect, it } from "vitest";
import { isCurrent, isTokenPage, navigationFor } from "./navigation";

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("navigation by role", () => {
  it("shows public entries to visitors", () => {
    expect(labels(navigationFor(null))).toEqual(["Accueil", "Charte d'accès"]);
  });
  it("shows the editor space to editors only", () => {
    const editor = { userId: "u", roles: ["EDITOR" as const], memberships: [{ organizationId: "o", isLegalRepresentative: false }] };
    expect(labels(navigationFor(editor))).toEqual(["Accueil", "Espace éditeur", "Dossiers d'adhésion", "Liste blanche", "Charte d'accès"]);
  });
  it("shows instruction and administration to administrators", () => {
    const admin = { userId: "u", roles: ["ANS_ADMIN" as const], memberships: [] };
    expect(labels(navigationFor(admin))).toEqual(["Accueil", "Instruction des dossiers", "Liste blanche", "Administration", "Charte d'accès"]);
  });
  it("counts the dossiers with something new next to the person's dossiers", () => {
    const editor = { userId: "u", roles: ["EDITOR" as const], memberships: [{ organizationId: "o", isLegalRepresentative: false }] };
    const reviewer = { userId: "u", roles: ["ANS_REVIEWER" as const], memberships: [] };
    expect(navigationFor(editor, 0).find((i) => i.href === "/editeur/dossiers")!.count).toBeUndefined();
    expect(navigationFor(editor, 1).find((i) => i.href === "/editeur/dossiers")!.count).toEqual({ value: "1", label: "1 dossier avec du nouveau" });
    expect(navigationFor(reviewer, 3).find((i) => i.href === "/instruction")!.count).toEqual({ value: "3", label: "3 dossiers avec du nouveau" });
    expect(navigationFor(reviewer, 100).find((i) => i.href === "/instruction")!.count).toEqual({ value: "99+", label: "plus de 99 dossiers avec du nouveau" });
  });
  it("marks the current section", () => {
    expect(isCurrent("/", "/")).toBe(true);
    expect(isCurrent("/", "/editeur")).toBe(false);
    expect(isCurrent("/editeur", "/editeur/services")).toBe(true);
    expect(isCurrent("/editeur", "/editeurs")).toBe(false);
  });
  it("marks only the most specific entry when one entry is inside another", () => {
    const hrefs = ["/", "/editeur", "/editeur/dossiers"];
    expect(hrefs.filter((h) => isCurrent(h, "/editeur/dossiers/abc", hrefs))).toEqual(["/editeur/dossiers"]);
    expect(hrefs.filter((h) => isCurrent(h, "/editeur/services", hrefs))).toEqual(["/editeur"]);
    expect(hrefs.filter((h) => isCurrent(h, "/editeur/dossiersx", hrefs))).toEqual(["/editeur"]);
  });
  it("knows the pages reached through a personal link, which get a header without navigation", () => {
    expect(isTokenPage("/signature/abc")).toBe(true);
    expect(isTokenPage("/invitation/abc")).toBe(true);
    expect(isTokenPage("/signature")).toBe(false);
    expect(isTokenPage("/editeur")).toBe(false);
    expect(isTokenPage("/verification")).toBe(false);
  });
});
