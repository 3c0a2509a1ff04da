import type { EnrolmentStatus } from "../enrolments/status";
import { refused, ROLE_MESSAGES, type LifecycleRole, type Rule, type TransitionResult } from "../lifecycle-rules";

export type { LifecycleRole, TransitionResult } from "../lifecycle-rules";

// Pure: the lifecycle of an application ("dossier d'adhésion"): who may do what, from which status, with which
// required input. The use cases ask this module, then apply the answer in one transaction; nothing here touches
// the database. The enrolment an approval creates has its own lifecycle (lib/enrolments/status.ts).
//
// Application:  DRAFT ─submit→ SUBMITTED ─requestChanges→ CHANGES_REQUESTED ─submit→ SUBMITTED …
//               SUBMITTED ─approve→ APPROVED (final) ; SUBMITTED | CHANGES_REQUESTED ─refuse→ REFUSED (final)
//               DRAFT | SUBMITTED | CHANGES_REQUESTED ─withdraw→ WITHDRAWN (final)
// Reviewers may refuse a dossier left in CHANGES_REQUESTED (an editor who never answers), not approve it unseen.

export const APPLICATION_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REFUSED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposé, en attente d'instruction",
  CHANGES_REQUESTED: "Modifications demandées",
  APPROVED: "Approuvé",
  REFUSED: "Refusé",
  WITHDRAWN: "Retiré par l'éditeur",
};

export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"];

export function isOpenApplication(status: ApplicationStatus): boolean {
  return OPEN_APPLICATION_STATUSES.includes(status);
}

export const APPLICATION_KINDS = ["NEW", "AMENDMENT"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  NEW: "Première demande",
  AMENDMENT: "Demande de modification",
};

export const AMENDMENT_REASONS = ["CHANGE", "CERTIFICATE_RENEWAL"] as const;
export type AmendmentReason = (typeof AMENDMENT_REASONS)[number];
export const AMENDMENT_REASON_LABELS: Record<AmendmentReason, string> = {
  CHANGE: "Modification du service (URL, certificat, fonctions ou profil)",
  CERTIFICATE_RENEWAL: "Renouvellement de certificat",
};

export type ApplicationTransition = "submit" | "requestChanges" | "approve" | "refuse" | "withdraw";

export const APPLICATION_TRANSITIONS: Record<ApplicationTransition, Rule<ApplicationStatus>> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED", by: "editor" },
  requestChanges: { from: ["SUBMITTED"], to: "CHANGES_REQUESTED", by: "reviewer" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", by: "reviewer" },
  refuse: { from: ["SUBMITTED", "CHANGES_REQUESTED"], to: "REFUSED", by: "reviewer" },
  withdraw: { from: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"], to: "WITHDRAWN", by: "editor" },
};

export const APPLICATION_TRANSITION_LABELS: Record<ApplicationTransition, string> = {
  submit: "déposer le dossier",
  requestChanges: "demander des modifications",
  approve: "approuver le dossier",
  refuse: "refuser le dossier",
  withdraw: "retirer le dossier",
};

/** What each transition needs besides the status and the role; checked here so no use case can forget it. */
export type ApplicationTransitionInput =
  | { transition: "submit"; checklistComplete: boolean }
  | { transition: "requestChanges"; message: string }
  | { transition: "approve"; profileActive: boolean; quotasValid: boolean }
  | { transition: "refuse"; reason: string }
  | { transition: "withdraw" };

/** May `role` apply `input.transition` to an application in `status`? And if so, which status follows. */
export function applicationTransition(status: ApplicationStatus, role: LifecycleRole, input: ApplicationTransitionInput): TransitionResult<ApplicationStatus> {
  const rule = APPLICATION_TRANSITIONS[input.transition];
  if (rule.by !== role) return refused("role", ROLE_MESSAGES[rule.by]);
  if (!rule.from.includes(status)) {
    return refused(
      "status",
      `Impossible de ${APPLICATION_TRANSITION_LABELS[input.transition]} : le dossier est au statut « ${APPLICATION_STATUS_LABELS[status]} ».`,
    );
  }
  switch (input.transition) {
    case "submit":
      if (!input.checklistComplete) return refused("checklist", "Le dossier est incomplet : complétez chaque élément de la liste avant de le déposer.");
      break;
    case "requestChanges":
      if (input.message.trim() === "") return refused("message", "Indiquez à l'éditeur les modifications attendues.");
      break;
    case "refuse":
      if (input.reason.trim() === "") return refused("reason", "Indiquez le motif du refus.");
      break;
    case "approve":
      if (!input.profileActive) return refused("profile", "Ce profil d'accès n'existe pas ou n'est plus proposé. Choisissez un profil du catalogue.");
      if (!input.quotasValid) return refused("quotas", "Les quotas indiqués ne sont pas valides.");
      break;
    case "withdraw":
      break;
  }
  return { ok: true, to: rule.to };
}

/** The transitions `role` may offer on an application in `status` (to show only the buttons that can work). */
export function availableApplicationTransitions(status: ApplicationStatus, role: LifecycleRole): ApplicationTransition[] {
  return (Object.keys(APPLICATION_TRANSITIONS) as ApplicationTransition[]).filter((t) => {
    const rule = APPLICATION_TRANSITIONS[t];
    return rule.by === role && rule.from.includes(status);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Opening an application

export type OpeningInput = {
  kind: ApplicationKind;
  role: LifecycleRole;
  /** The status of the open application of the service, if any (DRAFT, SUBMITTED or CHANGES_REQUESTED). */
  openApplication: ApplicationStatus | null;
  /** The status of the service's enrolment in force (ACTIVE or SUSPENDED), if any. */
  enrolmentInForce: EnrolmentStatus | null;
};

/**
 * One open application per service. A first application ("NEW") needs no enrolment in force (a revoked one is no
 * longer in force: the service may apply again); an amendment needs one, which stays in force until approval.
 */
export function applicationOpening(input: OpeningInput): { ok: true } | { ok: false; refusal: "role" | "open" | "enrolment"; message: string } {
  if (input.role !== "editor") return { ok: false, refusal: "role", message: ROLE_MESSAGES.editor };
  if (input.openApplication !== null) {
    return {
      ok: false,
      refusal: "open",
      message: `Ce service a déjà un dossier en cours (statut « ${APPLICATION_STATUS_LABELS[input.openApplication]} ») : poursuivez-le ou retirez-le d'abord.`,
    };
  }
  if (input.kind === "NEW" && input.enrolmentInForce !== null) {
    return { ok: false, refusal: "enrolment", message: "Ce service est déjà habilité : toute évolution passe par une demande de modification." };
  }
  if (input.kind === "AMENDMENT" && input.enrolmentInForce === null) {
    return { ok: false, refusal: "enrolment", message: "Ce service n'a pas d'habilitation en vigueur : déposez d'abord une première demande." };
  }
  return { ok: true };
}
