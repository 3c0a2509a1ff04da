import { describe, expect, it } from "vitest";
import { CONSENT_SENTENCE } from "./signing-schema";

describe("the signatory's consent", () => {
  it("names a simple electronic signature and the evidence kept, without claiming a handwritten signature's effect", () => {
    expect(CONSENT_SENTENCE).toMatch(/^Je confirme avoir lu l'attestation de client/);
    expect(CONSENT_SENTENCE).toContain("en approuver le contenu");
    expect(CONSENT_SENTENCE).toContain("signature électronique simple");
    expect(CONSENT_SENTENCE).toContain("éléments de preuve");
    expect(CONSENT_SENTENCE).not.toMatch(/manuscrite|qualifiée/);
  });
});
