import { describe, expect, it } from "vitest";
import { refusal, sealRefusal } from "./verification-result";

const signer = { subjectDn: "CN=X", commonName: "X" };

describe("sealRefusal", () => {
  it("lets only a valid seal through to the register", () => {
    expect(sealRefusal({ status: "valid", signer, signingTime: null, subFilter: null })).toBeNull();
    expect(sealRefusal({ status: "no-signature" })).toBe("no-seal");
    expect(sealRefusal({ status: "unknown-signer", signer })).toBe("unknown-signer");
  });

  it("calls every change of the signed bytes a modification, and a broken seal invalid", () => {
    expect(sealRefusal({ status: "invalid", reason: "digest-mismatch" })).toBe("modified");
    expect(sealRefusal({ status: "invalid", reason: "modified-after-sealing" })).toBe("modified");
    expect(sealRefusal({ status: "invalid", reason: "several-signatures" })).toBe("modified");
    expect(sealRefusal({ status: "invalid", reason: "bad-signature" })).toBe("invalid-seal");
    expect(sealRefusal({ status: "invalid", reason: "malformed" })).toBe("invalid-seal");
  });
});

describe("refusal", () => {
  it("explains in French what is wrong with the file", () => {
    expect(refusal("modified", "ab")).toEqual({
      authentic: false,
      reason: "modified",
      message: "Le document a été modifié après son scellement par le portail : son contenu ne correspond plus à son cachet électronique.",
      sha256: "ab",
    });
    expect(refusal("unknown-document", "ab").authentic).toBe(false);
  });
});
