// Pure: when a join request reaches ANS and what ANS may then decide (issue 22, ADR 0057). A holder who does not
// answer in 15 days, or a requester who says they are the real legal representative, makes it ANS's case; ANS
// transfers the organisation to the requester, removes members, or refuses the squatting organisation.
import type { OrganizationStatus } from "./status";
import { REASON_MAX_LENGTH } from "./status";

export const ESCALATION_DAYS = 15;
const DAY_MS = 24 * 60 * 60_000;

export type EscalationCause = "unanswered" | "claim";
export type AnsResolution = "transferred" | "organization_refused";

export const SQUATTING_MESSAGES = {
  notFound: "Ce dossier de rattachement est introuvable.",
  notEscalated: "Cette demande n'a pas été transmise à l'ANS.",
  alreadyEscalated: "Cette demande a déjà été transmise à l'ANS.",
  resolved: "L'ANS a déjà statué sur cette demande.",
  claimNotOpen: "Seule une demande en attente ou refusée peut être transmise à l'ANS.",
  requesterInactive: "Le demandeur n'a pas confirmé son adresse ou son compte est désactivé : le transfert est impossible.",
  noMemberChosen: "Cochez au moins un membre à retirer.",
  memberNotFound: "Un des membres cochés n'appartient pas à cette organisation.",
  reasonRequired: "Indiquez le motif : il est conservé au journal et communiqué aux personnes concernées sur le portail.",
  reasonTooLong: `Le motif ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.`,
  suspended: "L'organisation est suspendue : rétablissez-la avant de statuer.",
  alreadyRefused: "L'organisation est déjà refusée.",
  onlyReviewers: "Seule l'ANS statue sur une organisation détenue à tort.",
} as const;

/** The instant before which an unanswered pending request goes to ANS. */
export function escalationCutoff(now: Date): Date {
  return new Date(now.getTime() - ESCALATION_DAYS * DAY_MS);
}

/** Whether the requester may send their request to ANS themselves (they claim to be the real legal representative). */
export function claimProblem(request: { status: "PENDING" | "ACCEPTED" | "REFUSED"; escalatedAt: Date | null }): string | null {
  if (request.escalatedAt) return SQUATTING_MESSAGES.alreadyEscalated;
  if (request.status === "ACCEPTED") return SQUATTING_MESSAGES.claimNotOpen;
  return null;
}

/** Whether ANS may still decide the case. */
export function caseProblem(request: { escalatedAt: Date | null; ansResolvedAt: Date | null }): string | null {
  if (!request.escalatedAt) return SQUATTING_MESSAGES.notEscalated;
  if (request.ansResolvedAt) return SQUATTING_MESSAGES.resolved;
  return null;
}

/** The reason ANS gives for each decision (required: the journal keeps why an organisation changed hands). */
export function resolutionReasonProblem(raw: unknown): { reason: string } | { problem: string } {
  const reason = typeof raw === "string" ? raw.trim() : "";
  if (reason === "") return { problem: SQUATTING_MESSAGES.reasonRequired };
  if (reason.length > REASON_MAX_LENGTH) return { problem: SQUATTING_MESSAGES.reasonTooLong };
  return { reason };
}

/** Refusing the squatting organisation: from non vérifiée or vérifiée (a holder may have been verified on false papers). */
export function squattingRefusalProblem(status: OrganizationStatus): string | null {
  if (status === "SUSPENDED") return SQUATTING_MESSAGES.suspended;
  if (status === "REFUSED") return SQUATTING_MESSAGES.alreadyRefused;
  return null;
}
