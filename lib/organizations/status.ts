// Pure: the organisation's status (issue 22, ADR 0047). ANS reviewers verify or refuse an organisation from the
// evidence its people upload; administrators suspend and reinstate it. Every state of the organisation lives here.

export type OrganizationStatus = "UNVERIFIED" | "VERIFIED" | "REFUSED" | "SUSPENDED";

export const ORGANIZATION_STATUS_LABELS: Record<OrganizationStatus, string> = {
  UNVERIFIED: "Non vérifiée",
  VERIFIED: "Vérifiée",
  REFUSED: "Refusée",
  SUSPENDED: "Suspendue",
};

export type OrganizationDecision = "verify" | "refuse" | "suspend" | "reinstate" | "reset";

/** Who decides what: reviewers (administrators included) verify and refuse; administrators alone suspend. */
export const DECISION_ROLES: Record<OrganizationDecision, "reviewer" | "admin" | "editor"> = {
  verify: "reviewer",
  refuse: "reviewer",
  suspend: "admin",
  reinstate: "admin",
  reset: "editor",
};

export const REASON_MAX_LENGTH = 2000;

export const STATUS_MESSAGES = {
  reasonRequired: "Indiquez le motif : il est communiqué aux membres de l'organisation.",
  reasonTooLong: `Le motif ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.`,
  noExtract: "L'organisation n'a déposé aucun extrait du registre : elle ne peut pas être vérifiée.",
  alreadyVerified: "L'organisation est déjà vérifiée.",
  notAwaiting: "L'organisation n'attend pas de vérification : la page a peut-être changé entre-temps.",
  alreadySuspended: "L'organisation est déjà suspendue.",
  notSuspended: "L'organisation n'est pas suspendue.",
} as const;

export type DecisionResult =
  | { ok: true; to: OrganizationStatus; statusBeforeSuspension: OrganizationStatus | null }
  | { ok: false; refusal: "status" | "reason" | "evidence"; message: string };

/**
 * The next status of an organisation. `before` is the status a suspension interrupted (reinstatement restores it);
 * `hasExtract` whether a register extract is on file (a verification needs one).
 */
export function organizationTransition(
  state: { status: OrganizationStatus; statusBeforeSuspension: OrganizationStatus | null },
  decision: OrganizationDecision,
  input: { reason?: string; hasExtract?: boolean } = {},
): DecisionResult {
  const reason = (input.reason ?? "").trim();
  const needsReason = decision === "refuse" || decision === "suspend";
  if (needsReason && reason === "") return { ok: false, refusal: "reason", message: STATUS_MESSAGES.reasonRequired };
  if (reason.length > REASON_MAX_LENGTH) return { ok: false, refusal: "reason", message: STATUS_MESSAGES.reasonTooLong };
  switch (decision) {
    case "verify":
      if (state.status === "VERIFIED") return { ok: false, refusal: "status", message: STATUS_MESSAGES.alreadyVerified };
      if (state.status !== "UNVERIFIED") return { ok: false, refusal: "status", message: STATUS_MESSAGES.notAwaiting };
      if (!input.hasExtract) return { ok: false, refusal: "evidence", message: STATUS_MESSAGES.noExtract };
      return { ok: true, to: "VERIFIED", statusBeforeSuspension: null };
    case "refuse":
      if (state.status !== "UNVERIFIED") return { ok: false, refusal: "status", message: STATUS_MESSAGES.notAwaiting };
      return { ok: true, to: "REFUSED", statusBeforeSuspension: null };
    case "suspend":
      if (state.status === "SUSPENDED") return { ok: false, refusal: "status", message: STATUS_MESSAGES.alreadySuspended };
      return { ok: true, to: "SUSPENDED", statusBeforeSuspension: state.status };
    case "reinstate":
      if (state.status !== "SUSPENDED") return { ok: false, refusal: "status", message: STATUS_MESSAGES.notSuspended };
      return { ok: true, to: state.statusBeforeSuspension ?? "UNVERIFIED", statusBeforeSuspension: null };
    case "reset":
      // A new legal representative, SIRET or legal name: the point goes back to ANS. A refused organisation that
      // uploads new evidence is also waiting again. A suspension stays; what it restores is unverified now.
      if (state.status === "SUSPENDED") return { ok: true, to: "SUSPENDED", statusBeforeSuspension: "UNVERIFIED" };
      return { ok: true, to: "UNVERIFIED", statusBeforeSuspension: null };
  }
}

/** Whether the organisation's people may submit a dossier (enrolments in force stay in force either way). */
export function maySubmitDossier(status: OrganizationStatus): boolean {
  return status === "VERIFIED";
}

/** Whether the organisation's people reach the portal at all (a suspended one's see only the page saying so). */
export function isSuspended(status: OrganizationStatus): boolean {
  return status === "SUSPENDED";
}

/** The register extract must be less than three months old on the day it is uploaded (the uploader states its date). */
export const EXTRACT_MAX_AGE_MONTHS = 3;

export function extractDateProblem(documentDate: Date, today: Date): string | null {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (documentDate.getTime() > day) return "La date du document ne peut pas être dans le futur.";
  const limit = new Date(day);
  limit.setUTCMonth(limit.getUTCMonth() - EXTRACT_MAX_AGE_MONTHS);
  if (documentDate.getTime() < limit.getTime()) return "Le document doit dater de moins de trois mois : téléchargez un extrait récent.";
  return null;
}

/** What the checklist item says the editor must provide, by status. */
export function verificationChecklistDetail(status: OrganizationStatus, hasExtract: boolean, reason: string | null): string {
  switch (status) {
    case "VERIFIED":
      return "L'ANS a vérifié l'identité de l'organisation et de son représentant légal.";
    case "REFUSED":
      return `L'ANS a refusé la vérification${reason ? ` : ${reason}` : ""}. Déposez un nouvel extrait du registre pour la demander à nouveau.`;
    case "SUSPENDED":
      return "L'organisation est suspendue par l'ANS.";
    case "UNVERIFIED":
      return hasExtract
        ? "Extrait du registre déposé : l'ANS le vérifie. Vous pouvez préparer le dossier, vous le déposerez une fois l'organisation vérifiée."
        : "Déposez un extrait Kbis ou un avis de situation INSEE de moins de trois mois (PDF) et, si le représentant légal n'y figure pas, une délégation de pouvoir signée par une personne qui y figure.";
  }
}
