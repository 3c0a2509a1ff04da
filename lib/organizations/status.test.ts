import { describe, expect, it } from "vitest";
import { extractDateProblem, maySubmitDossier, organizationTransition, STATUS_MESSAGES } from "./status";

const unverified = { status: "UNVERIFIED" as const, statusBeforeSuspension: null };
const verified = { status: "VERIFIED" as const, statusBeforeSuspension: null };

describe("the organisation's status", () => {
  it("goes from non vérifiée to vérifiée when an extract is on file, never without one", () => {
    expect(organizationTransition(unverified, "verify", { hasExtract: true })).toEqual({ ok: true, to: "VERIFIED", statusBeforeSuspension: null });
    expect(organizationTransition(unverified, "verify", { hasExtract: false })).toEqual({ ok: false, refusal: "evidence", message: STATUS_MESSAGES.noExtract });
    expect(organizationTransition(verified, "verify", { hasExtract: true })).toMatchObject({ ok: false, refusal: "status" });
  });

  it("is refused only with a reason, and only while it waits", () => {
    expect(organizationTransition(unverified, "refuse", { reason: "  " })).toMatchObject({ ok: false, refusal: "reason" });
    expect(organizationTransition(unverified, "refuse", { reason: "Extrait d'une autre société" })).toMatchObject({ ok: true, to: "REFUSED" });
    expect(organizationTransition(verified, "refuse", { reason: "x" })).toMatchObject({ ok: false, refusal: "status" });
    expect(organizationTransition(unverified, "refuse", { reason: "x".repeat(2001) })).toMatchObject({ ok: false, refusal: "reason" });
  });

  it("is suspended with a reason, and reinstatement restores the state the suspension interrupted", () => {
    const suspended = organizationTransition(verified, "suspend", { reason: "Usage abusif de l'API" });
    expect(suspended).toEqual({ ok: true, to: "SUSPENDED", statusBeforeSuspension: "VERIFIED" });
    expect(organizationTransition(verified, "suspend", {})).toMatchObject({ ok: false, refusal: "reason" });
    expect(organizationTransition({ status: "SUSPENDED", statusBeforeSuspension: "VERIFIED" }, "suspend", { reason: "x" })).toMatchObject({ ok: false, refusal: "status" });
    expect(organizationTransition({ status: "SUSPENDED", statusBeforeSuspension: "VERIFIED" }, "reinstate")).toEqual({ ok: true, to: "VERIFIED", statusBeforeSuspension: null });
    expect(organizationTransition({ status: "SUSPENDED", statusBeforeSuspension: "UNVERIFIED" }, "reinstate")).toMatchObject({ ok: true, to: "UNVERIFIED" });
    expect(organizationTransition(verified, "reinstate")).toMatchObject({ ok: false, refusal: "status" });
  });

  it("goes back to non vérifiée on a reset (new legal representative, SIRET or legal name), a suspension staying", () => {
    expect(organizationTransition(verified, "reset")).toMatchObject({ ok: true, to: "UNVERIFIED" });
    expect(organizationTransition({ status: "SUSPENDED", statusBeforeSuspension: "VERIFIED" }, "reset")).toEqual({ ok: true, to: "SUSPENDED", statusBeforeSuspension: "UNVERIFIED" });
  });

  it("lets only a verified organisation submit a dossier", () => {
    expect(["UNVERIFIED", "VERIFIED", "REFUSED", "SUSPENDED"].filter((s) => maySubmitDossier(s as never))).toEqual(["VERIFIED"]);
  });

  it("wants an extract of less than three months, not dated in the future", () => {
    const today = new Date("2026-12-07T15:00:00Z");
    expect(extractDateProblem(new Date("2026-12-07"), today)).toBeNull();
    expect(extractDateProblem(new Date("2026-09-07"), today)).toBeNull();
    expect(extractDateProblem(new Date("2026-09-06"), today)).toContain("moins de trois mois");
    expect(extractDateProblem(new Date("2026-12-08"), today)).toContain("futur");
  });
});
