import { describe, expect, it } from "vitest";
import type { LifecycleRole } from "../lifecycle-rules";
import { ENROLMENT_STATUSES, enrolmentTransition, type EnrolmentStatus, type EnrolmentTransition } from "./status";

const roles: LifecycleRole[] = ["editor", "reviewer"];

describe("the enrolment lifecycle", () => {
  const enrolmentAllowed: [EnrolmentStatus, EnrolmentTransition, EnrolmentStatus][] = [
    ["ACTIVE", "suspend", "SUSPENDED"],
    ["SUSPENDED", "reinstate", "ACTIVE"],
    ["ACTIVE", "revoke", "REVOKED"],
    ["SUSPENDED", "revoke", "REVOKED"],
    ["ACTIVE", "supersede", "SUPERSEDED"],
    ["SUSPENDED", "supersede", "SUPERSEDED"],
  ];
  const enrolmentTransitions: EnrolmentTransition[] = ["suspend", "reinstate", "revoke", "supersede"];
  const cases = ENROLMENT_STATUSES.flatMap((from) => enrolmentTransitions.flatMap((t) => roles.map((role) => [from, t, role] as const)));

  it.each(cases)("from %s, %s by the %s", (from, transition, role) => {
    const expected = enrolmentAllowed.find(([f, t]) => f === from && t === transition);
    const result = enrolmentTransition(from, role, transition, "Abus de quota constaté.");
    if (role === "editor") expect(result).toMatchObject({ ok: false, refusal: "role" });
    else if (expected) expect(result).toEqual({ ok: true, to: expected[2] });
    else expect(result).toMatchObject({ ok: false, refusal: "status" });
  });

  it("requires a reason to suspend and to revoke, not to reinstate", () => {
    expect(enrolmentTransition("ACTIVE", "reviewer", "suspend", "  ")).toMatchObject({ refusal: "reason", message: "Indiquez le motif de la suspension." });
    expect(enrolmentTransition("SUSPENDED", "reviewer", "revoke")).toMatchObject({ refusal: "reason", message: "Indiquez le motif de la révocation." });
    expect(enrolmentTransition("SUSPENDED", "reviewer", "reinstate")).toEqual({ ok: true, to: "ACTIVE" });
  });

  it("treats revoked and superseded as final", () => {
    for (const final of ["REVOKED", "SUPERSEDED"] as const) {
      for (const t of enrolmentTransitions) expect(enrolmentTransition(final, "reviewer", t, "motif").ok).toBe(false);
    }
  });
});
