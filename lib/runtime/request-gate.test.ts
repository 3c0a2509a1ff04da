import { describe, expect, it } from "vitest";
import { gateRefusal, refusalResponse } from "./request-gate";

describe("the door of the portal's HTTP server", () => {
  it("refuses a path whose encoding is not UTF-8, or with a control character, in French", () => {
    for (const url of ["/signature/%ff", "/api/attestations/%c3%28/envoyee", "/editeur/services/%00", "/invitation/a%0Ab"]) {
      expect(gateRefusal("GET", url, {}), url).toMatchObject({ status: 400, title: "Adresse invalide" });
    }
  });

  it("lets through ordinary paths, and odd query strings, which the pages read themselves", () => {
    for (const url of ["/", "/editeur/services/3f2b", "/charte?q=%ff", "/instruction?q=%00", "/signature/abc%20def", "/administration/journal?page=-1"]) {
      expect(gateRefusal("GET", url, {}), url).toBeNull();
    }
  });

  it("refuses a server action posted from another site, as Next's own check would, without the 500", () => {
    const action = { "next-action": "7f00", host: "portail.example" };
    expect(gateRefusal("POST", "/editeur", { ...action, origin: "https://attaquant.example" })).toMatchObject({ status: 403 });
    expect(gateRefusal("POST", "/editeur", { ...action, origin: "null" })).toMatchObject({ status: 403 });
    expect(gateRefusal("POST", "/editeur", { ...action, origin: "pas une origine" })).toMatchObject({ status: 403 });
    expect(gateRefusal("POST", "/editeur", { ...action, origin: "https://portail.example" })).toBeNull();
    expect(gateRefusal("POST", "/editeur", { ...action, origin: "https://portail.example", "x-forwarded-host": "portail.example" })).toBeNull();
    expect(gateRefusal("POST", "/editeur", { ...action })).toBeNull();
    // Not a server action: the route handler checks its own requests.
    expect(gateRefusal("POST", "/api/connexion", { host: "portail.example", origin: "https://attaquant.example" })).toBeNull();
  });

  it("answers a browser with a French page and anything else with French text", () => {
    const refusal = gateRefusal("GET", "/signature/%ff", {})!;
    expect(refusalResponse(refusal, "text/html,application/xhtml+xml")).toMatchObject({ status: 400, contentType: "text/html; charset=utf-8" });
    expect(refusalResponse(refusal, "text/html").body).toContain('<html lang="fr">');
    expect(refusalResponse(refusal, "*/*").body).toMatch(/^Adresse invalide : /);
  });
});
