import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  applicationOpening,
  applicationTransition,
  availableApplicationTransitions,
  isOpenApplication,
  type ApplicationStatus,
  type ApplicationTransition,
  type ApplicationTransitionInput,
  type LifecycleRole,
} from "./lifecycle";

const roles: LifecycleRole[] = ["editor", "reviewer"];

/** A complete, valid input for each transition. */
const validInput: Record<ApplicationTransition, ApplicationTransitionInput> = {
  submit: { transition: "submit", checklistComplete: true },
  requestChanges: { transition: "requestChanges", message: "Merci de préciser la finalité." },
  approve: { transition: "approve", profileActive: true, quotasValid: true },
  refuse: { transition: "refuse", reason: "Le service ne relève pas du périmètre." },
  withdraw: { transition: "withdraw" },
};

// The whole table, written out by hand: [from, transition, role] → to. Everything not listed is refused.
const allowed: [ApplicationStatus, ApplicationTransition, LifecycleRole, ApplicationStatus][] = [
  ["DRAFT", "submit", "editor", "SUBMITTED"],
  ["CHANGES_REQUESTED", "submit", "editor", "SUBMITTED"],
  ["SUBMITTED", "requestChanges", "reviewer", "CHANGES_REQUESTED"],
  ["SUBMITTED", "approve", "reviewer", "APPROVED"],
  ["SUBMITTED", "refuse", "reviewer", "REFUSED"],
  ["CHANGES_REQUESTED", "refuse", "reviewer", "REFUSED"],
  ["DRAFT", "withdraw", "editor", "WITHDRAWN"],
  ["SUBMITTED", "withdraw", "editor", "WITHDRAWN"],
  ["CHANGES_REQUESTED", "withdraw", "editor", "WITHDRAWN"],
];

const transitions = Object.keys(validInput) as ApplicationTransition[];

describe("the application lifecycle", () => {
  const cases = APPLICATION_STATUSES.flatMap((from) => transitions.flatMap((t) => roles.map((role) => [from, t, role] as const)));

  it.each(cases)("from %s, %s by the %s", (from, transition, role) => {
    const expected = allowed.find(([f, t, r]) => f === from && t === transition && r === role);
    const result = applicationTransition(from, role, validInput[transition]);
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected[3] });
    } else {
      expect(result.ok).toBe(false);
      // The role is checked before the status: a forged action learns nothing about the dossier.
      const rightRole = allowed.some(([, t, r]) => t === transition && r === role);
      expect(result).toMatchObject({ refusal: rightRole ? "status" : "role" });
    }
  });

  it("explains a refusal by role or status in French", () => {
    expect(applicationTransition("SUBMITTED", "editor", validInput.approve)).toEqual({
      ok: false,
      refusal: "role",
      message: "Seuls les instructeurs de l'ANS peuvent faire cela.",
    });
    expect(applicationTransition("SUBMITTED", "reviewer", validInput.withdraw)).toMatchObject({
      refusal: "role",
      message: "Seuls les membres de l'organisation éditrice peuvent faire cela.",
    });
    expect(applicationTransition("APPROVED", "reviewer", validInput.refuse)).toMatchObject({
      refusal: "status",
      message: "Impossible de refuser le dossier : le dossier est au statut « Approuvé ».",
    });
  });

  it("refuses to submit an incomplete dossier", () => {
    for (const from of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      expect(applicationTransition(from, "editor", { transition: "submit", checklistComplete: false })).toMatchObject({ ok: false, refusal: "checklist" });
    }
  });

  it("requires a message to request changes and a reason to refuse, blank ones included", () => {
    for (const message of ["", "   \n\t"]) {
      expect(applicationTransition("SUBMITTED", "reviewer", { transition: "requestChanges", message })).toMatchObject({
        refusal: "message",
        message: "Indiquez à l'éditeur les modifications attendues.",
      });
      expect(applicationTransition("SUBMITTED", "reviewer", { transition: "refuse", reason: message })).toMatchObject({
        refusal: "reason",
        message: "Indiquez le motif du refus.",
      });
    }
  });

  it("approves only with an active profile and valid quotas", () => {
    expect(applicationTransition("SUBMITTED", "reviewer", { transition: "approve", profileActive: false, quotasValid: true })).toMatchObject({ refusal: "profile" });
    expect(applicationTransition("SUBMITTED", "reviewer", { transition: "approve", profileActive: true, quotasValid: false })).toMatchObject({ refusal: "quotas" });
  });

  it("offers each role only the transitions that can work from a status", () => {
    expect(availableApplicationTransitions("DRAFT", "editor")).toEqual(["submit", "withdraw"]);
    expect(availableApplicationTransitions("DRAFT", "reviewer")).toEqual([]);
    expect(availableApplicationTransitions("SUBMITTED", "reviewer")).toEqual(["requestChanges", "approve", "refuse"]);
    expect(availableApplicationTransitions("SUBMITTED", "editor")).toEqual(["withdraw"]);
    expect(availableApplicationTransitions("CHANGES_REQUESTED", "editor")).toEqual(["submit", "withdraw"]);
    expect(availableApplicationTransitions("CHANGES_REQUESTED", "reviewer")).toEqual(["refuse"]);
    for (const final of ["APPROVED", "REFUSED", "WITHDRAWN"] as const) {
      for (const role of roles) expect(availableApplicationTransitions(final, role)).toEqual([]);
      expect(isOpenApplication(final)).toBe(false);
    }
    expect(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].every((s) => isOpenApplication(s as ApplicationStatus))).toBe(true);
  });
});

describe("opening an application", () => {
  it("allows a first application for a service with no open application and no enrolment in force", () => {
    expect(applicationOpening({ kind: "NEW", role: "editor", openApplication: null, enrolmentInForce: null })).toEqual({ ok: true });
  });

  it("allows an amendment only while an enrolment is in force", () => {
    expect(applicationOpening({ kind: "AMENDMENT", role: "editor", openApplication: null, enrolmentInForce: "ACTIVE" })).toEqual({ ok: true });
    expect(applicationOpening({ kind: "AMENDMENT", role: "editor", openApplication: null, enrolmentInForce: "SUSPENDED" })).toEqual({ ok: true });
    expect(applicationOpening({ kind: "AMENDMENT", role: "editor", openApplication: null, enrolmentInForce: null })).toMatchObject({ ok: false, refusal: "enrolment" });
  });

  it("refuses a first application for a service already enrolled", () => {
    for (const enrolmentInForce of ["ACTIVE", "SUSPENDED"] as const) {
      expect(applicationOpening({ kind: "NEW", role: "editor", openApplication: null, enrolmentInForce })).toMatchObject({ ok: false, refusal: "enrolment" });
    }
  });

  it("refuses a second open application for one service, whatever its kind", () => {
    for (const openApplication of ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] as const) {
      for (const kind of ["NEW", "AMENDMENT"] as const) {
        const result = applicationOpening({ kind, role: "editor", openApplication, enrolmentInForce: kind === "AMENDMENT" ? "ACTIVE" : null });
        expect(result).toMatchObject({ ok: false, refusal: "open" });
      }
    }
  });

  it("is for editors only", () => {
    expect(applicationOpening({ kind: "NEW", role: "reviewer", openApplication: null, enrolmentInForce: null })).toMatchObject({ ok: false, refusal: "role" });
  });
});
