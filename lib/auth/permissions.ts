// The one place that answers "may this actor do this action on this record?". Pure: no I/O.

export type PlatformRole = "EDITOR" | "ANS_REVIEWER" | "ANS_ADMIN";

export type Actor = {
  userId: string;
  roles: readonly PlatformRole[];
  memberships: readonly { organizationId: string; isLegalRepresentative: boolean }[];
};

export type Action =
  | { type: "editorSpace.view" }
  | { type: "organization.read"; organizationId: string }
  | { type: "organization.update"; organizationId: string }
  | { type: "organization.manageLegalRepresentatives"; organizationId: string }
  | { type: "organization.invite"; organizationId: string }
  | { type: "organization.verify" }
  | { type: "organization.suspend" }
  | { type: "charter.accept"; organizationId: string }
  | { type: "service.read"; organizationId: string }
  | { type: "service.manage"; organizationId: string }
  | { type: "attestation.read"; organizationId: string }
  | { type: "attestation.manage"; organizationId: string }
  | { type: "attestation.signAsEditor"; organizationId: string }
  | { type: "ansSpace.view" }
  | { type: "auditLog.read" }
  | { type: "users.manage" }
  | { type: "charter.publish" }
  | { type: "catalogue.manage" }
  | { type: "caBundle.manage" }
  | { type: "platines.read"; organizationId: string }
  | { type: "platines.submit"; organizationId: string }
  | { type: "platines.validate" }
  | { type: "platines.managePlans" }
  | { type: "application.read"; organizationId: string }
  | { type: "application.manage"; organizationId: string }
  | { type: "application.review" }
  | { type: "enrolment.manage" }
  | { type: "whitelist.view" }
  | { type: "gatewayConfig.download" }
  | { type: "level1Quota.manage" }
  | { type: "apiToken.manage" }
  | { type: "trustSpace.import" }
  | { type: "mail.manage" }
  | { type: "webhook.manage" }
  | { type: "messageTemplate.manage" };

const isEditor = (actor: Actor) => actor.roles.includes("EDITOR") && actor.memberships.length > 0;
const isReviewer = (actor: Actor) => actor.roles.includes("ANS_REVIEWER") || isAdmin(actor);
const isAdmin = (actor: Actor) => actor.roles.includes("ANS_ADMIN");

function membershipOf(actor: Actor, organizationId: string) {
  return actor.roles.includes("EDITOR")
    ? actor.memberships.find((m) => m.organizationId === organizationId)
    : undefined;
}

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  switch (action.type) {
    case "editorSpace.view":
      return isEditor(actor);
    case "organization.read":
      return membershipOf(actor, action.organizationId) !== undefined || isReviewer(actor);
    case "organization.update":
    case "organization.invite":
    case "service.manage":
    case "platines.submit":
      return membershipOf(actor, action.organizationId) !== undefined;
    case "service.read":
    case "platines.read":
    case "attestation.read":
      return membershipOf(actor, action.organizationId) !== undefined || isReviewer(actor);
    case "attestation.manage":
      return membershipOf(actor, action.organizationId) !== undefined;
    case "attestation.signAsEditor":
      return membershipOf(actor, action.organizationId)?.isLegalRepresentative === true;
    case "application.read":
      return membershipOf(actor, action.organizationId) !== undefined || isReviewer(actor);
    case "application.manage":
      return membershipOf(actor, action.organizationId) !== undefined;
    case "application.review":
    case "organization.verify":
    case "enrolment.manage":
    case "whitelist.view":
    case "gatewayConfig.download":
      return isReviewer(actor);
    case "organization.manageLegalRepresentatives":
    case "charter.accept":
      return membershipOf(actor, action.organizationId)?.isLegalRepresentative === true;
    case "ansSpace.view":
    case "platines.validate":
      return isReviewer(actor);
    case "auditLog.read":
    case "organization.suspend":
    case "users.manage":
    case "charter.publish":
    case "catalogue.manage":
    case "caBundle.manage":
    case "platines.managePlans":
    case "level1Quota.manage":
    case "apiToken.manage":
    case "trustSpace.import":
    case "mail.manage":
    case "webhook.manage":
    case "messageTemplate.manage":
      return isAdmin(actor);
  }
}

/** What the header shows next to the person's name. */
export function roleLabel(actor: Actor): string {
  if (isAdmin(actor)) return "Administrateur ANS";
  if (actor.roles.includes("ANS_REVIEWER")) return "Instructeur ANS";
  if (actor.memberships.some((m) => m.isLegalRepresentative)) return "Représentant légal";
  return "Équipe de l'éditeur";
}

/** Where a person lands after signing in. */
export function homePathOf(actor: Actor): string {
  if (isReviewer(actor)) return "/instruction";
  if (isEditor(actor)) return "/editeur";
  return "/";
}
