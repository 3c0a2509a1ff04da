import { refused, ROLE_MESSAGES, type LifecycleRole, type Rule, type TransitionResult } from "../lifecycle-rules";

// Pure: the lifecycle of an enrolment ("habilitation"), what an approval grants.
//
//   ACTIVE ─suspend→ SUSPENDED ─reinstate→ ACTIVE ; ACTIVE | SUSPENDED ─revoke→ REVOKED (final)
//   ACTIVE | SUSPENDED ─supersede→ SUPERSEDED (final; when an amendment of the service is approved)

export const ENROLMENT_STATUSES = ["ACTIVE", "SUSPENDED", "REVOKED", "SUPERSEDED"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** One set of labels for every page: the dossier, the whitelist, the enrolment itself. */
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  ACTIVE: "En vigueur",
  SUSPENDED: "Suspendue",
  REVOKED: "Révoquée",
  SUPERSEDED: "Remplacée",
};

export type EnrolmentTransition = "suspend" | "reinstate" | "revoke" | "supersede";

export const ENROLMENT_TRANSITIONS: Record<EnrolmentTransition, Rule<EnrolmentStatus>> = {
  suspend: { from: ["ACTIVE"], to: "SUSPENDED", by: "reviewer" },
  reinstate: { from: ["SUSPENDED"], to: "ACTIVE", by: "reviewer" },
  revoke: { from: ["ACTIVE", "SUSPENDED"], to: "REVOKED", by: "reviewer" },
  // Approving an amendment replaces the enrolment in force, even a suspended one: the reviewer decides.
  supersede: { from: ["ACTIVE", "SUSPENDED"], to: "SUPERSEDED", by: "reviewer" },
};

const ENROLMENT_TRANSITION_LABELS: Record<EnrolmentTransition, string> = {
  suspend: "suspendre l'habilitation",
  reinstate: "rétablir l'habilitation",
  revoke: "révoquer l'habilitation",
  supersede: "remplacer l'habilitation",
};

const REASON_REQUIRED: Record<EnrolmentTransition, string | null> = {
  suspend: "Indiquez le motif de la suspension.",
  reinstate: null,
  revoke: "Indiquez le motif de la révocation.",
  supersede: null,
};

/** May `role` apply `transition` to an enrolment in `status`, with this reason? */
export function enrolmentTransition(status: EnrolmentStatus, role: LifecycleRole, transition: EnrolmentTransition, reason = ""): TransitionResult<EnrolmentStatus> {
  const rule = ENROLMENT_TRANSITIONS[transition];
  if (rule.by !== role) return refused("role", ROLE_MESSAGES[rule.by]);
  if (!rule.from.includes(status)) {
    return refused("status", `Impossible de ${ENROLMENT_TRANSITION_LABELS[transition]} : elle est au statut « ${ENROLMENT_STATUS_LABELS[status]} ».`);
  }
  const reasonMessage = REASON_REQUIRED[transition];
  if (reasonMessage && reason.trim() === "") return refused("reason", reasonMessage);
  return { ok: true, to: rule.to };
}
