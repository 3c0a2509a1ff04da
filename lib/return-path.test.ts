import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const origin = "https://portail.exemple.fr";

describe("safeReturnPath", () => {
  it.each([
    ["/editeur", "/editeur"],
    ["/editeur/services?onglet=urls#liste", "/editeur/services?onglet=urls#liste"],
    ["/invitation/abc123", "/invitation/abc123"],
    ["/connexion?retour=%2Fediteur", "/connexion?retour=%2Fediteur"],
    ["  /editeur  ", "/editeur"],
    ["/édition", "/%C3%A9dition"],
    ["/a/../instruction", "/instruction"],
    ["/editeur\n", "/editeur"],
    ["/edi\nteur", "/editeur"],
    ["/edi\tteur", "/editeur"],
    ["/editeur/%2F%2Fx", "/editeur/%2F%2Fx"],
    ["editeur", "/editeur"],
    [`${origin}/instruction?x=1`, "/instruction?x=1"],
  ])("%j leads to %j", (value, expected) => {
    expect(safeReturnPath(value, origin)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%E0%A4%A",
    "https://evil.example/editeur",
    "http://portail.exemple.fr/editeur",
    "https://portail.exemple.fr.evil.example/",
    "https://user:pass@portail.exemple.fr/editeur",
    "HTTPS://EVIL.EXAMPLE",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
    "/" + "a".repeat(3000),
  ])("%j goes home", (value) => {
    expect(safeReturnPath(value, origin)).toBeNull();
  });

  it("refuses anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/editeur"], { href: "/editeur" }]) expect(safeReturnPath(value, origin)).toBeNull();
  });

  it("without the portal's origin, keeps paths and refuses every absolute URL", () => {
    expect(safeReturnPath("/editeur")).toBe("/editeur");
    expect(safeReturnPath(`${origin}/editeur`)).toBeNull();
    expect(safeReturnPath("//evil.example")).toBeNull();
  });
});
