import { describe, expect, it } from "vitest";
import { attestationSchema, missingSignatoryFields } from "./attestation-schema";
import { DUPLICATE_EMAIL, initiallyInvited, isTurnOf, mayInvite, nextToInvite, TOO_MANY_SIGNATORIES, type SignatoryState } from "./signatories";

const state = (position: number, status: SignatoryState["status"], invited = true): SignatoryState => ({ position, status, invited });

describe("signing order", () => {
  it("invites everybody at once in parallel, the first one alone in order", () => {
    expect(initiallyInvited(3, "PARALLEL")).toEqual([0, 1, 2]);
    expect(initiallyInvited(3, "ORDERED")).toEqual([0]);
    expect(initiallyInvited(0, "ORDERED")).toEqual([]);
  });

  it("in order, invites the next signatory only once everyone before has signed", () => {
    expect(nextToInvite("ORDERED", [state(0, "SIGNED"), state(1, "PENDING", false), state(2, "PENDING", false)])).toEqual([1]);
    expect(nextToInvite("ORDERED", [state(0, "SIGNED"), state(1, "SIGNED"), state(2, "PENDING", false)])).toEqual([2]);
    // Already invited, or nobody left: nothing to do.
    expect(nextToInvite("ORDERED", [state(0, "SIGNED"), state(1, "PENDING", true)])).toEqual([]);
    expect(nextToInvite("ORDERED", [state(0, "SIGNED"), state(1, "SIGNED")])).toEqual([]);
    expect(nextToInvite("PARALLEL", [state(0, "SIGNED"), state(1, "PENDING", false)])).toEqual([]);
  });

  it("refuses a signatory's turn before the previous ones have signed (a forged request)", () => {
    const live = [state(0, "PENDING"), state(1, "PENDING", false), state(2, "PENDING", false)];
    expect(isTurnOf(0, "ORDERED", live)).toBe(true);
    expect(isTurnOf(1, "ORDERED", live)).toBe(false);
    expect(isTurnOf(2, "ORDERED", [state(0, "SIGNED"), state(1, "PENDING"), state(2, "PENDING", false)])).toBe(false);
    expect(isTurnOf(2, "PARALLEL", live)).toBe(true);
  });

  it("lets the editor resend a link only to a pending signatory whose turn has come", () => {
    const live = [state(0, "SIGNED"), state(1, "PENDING"), state(2, "PENDING", false)];
    expect(mayInvite(1, "ORDERED", live)).toBe(true);
    expect(mayInvite(2, "ORDERED", live)).toBe(false);
    expect(mayInvite(0, "ORDERED", live)).toBe(false);
    expect(mayInvite(2, "PARALLEL", live)).toBe(true);
  });
});

describe("the signatories of the form", () => {
  const base = {
    clientName: "Clinique",
    clientAddress: "",
    clientSignatoryLastName: "Lefèvre",
    clientSignatoryFirstName: "Zoé",
    clientSignatoryFunction: "Directrice",
    clientSiret: "",
    clientSignatoryEmail: "zoe@clinique.example",
    editorLegalRepresentativeId: "",
    orderSignedOn: "",
    softwareVersion: "",
    place: "",
  };
  const other = (n: number) => ({ lastName: `Nom${n}`, firstName: `Prénom${n}`, function: "Médecin", email: `s${n}@clinique.example` });
  const schema = attestationSchema("2026-03-10");

  it("accepts one to ten signatories, refuses eleven in French", () => {
    expect(schema.safeParse(base).success).toBe(true);
    expect(schema.safeParse({ ...base, additionalClientSignatories: Array.from({ length: 9 }, (_, i) => other(i)) }).success).toBe(true);
    const eleven = schema.safeParse({ ...base, additionalClientSignatories: Array.from({ length: 10 }, (_, i) => other(i)) });
    expect(eleven.success).toBe(false);
    expect(eleven.error!.issues.map((i) => i.message)).toContain(TOO_MANY_SIGNATORIES);
  });

  it("refuses the same e-mail twice, whatever its case, next to the later signatory", () => {
    const parsed = schema.safeParse({ ...base, additionalClientSignatories: [other(1), { ...other(2), email: "ZOE@clinique.example" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["additionalClientSignatories", 1, "email"], message: DUPLICATE_EMAIL })]);
  });

  it("drops blank extra rows and names what is missing before sending", () => {
    const parsed = schema.parse({ ...base, additionalClientSignatories: [{ lastName: "", firstName: "", function: "", email: "" }, { ...other(1), function: "" }], signingOrder: "ORDERED" });
    expect(parsed.additionalClientSignatories).toHaveLength(1);
    expect(parsed.signingOrder).toBe("ORDERED");
    expect(missingSignatoryFields(parsed.additionalClientSignatories)).toEqual({ "additionalClientSignatories.0.function": "Saisissez la fonction de ce signataire." });
  });
});
