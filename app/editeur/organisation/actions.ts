"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { inviteColleague, revokeInvitation } from "@/lib/organizations/invitations.server";
import { removeMember, setLegalRepresentative, setTechnicalContact } from "@/lib/organizations/memberships.server";
import { updateOrganization } from "@/lib/organizations/update-organization.server";
import { uploadOrganizationEvidence } from "@/lib/organizations/verification.server";
import { decideJoinRequest } from "@/lib/organizations/join-requests.server";
import { setSecondFactorRequirement } from "@/lib/organizations/second-factor-requirement.server";
import { lookUpSiretForPrefill } from "@/lib/organizations/register-prefill.server";
import { uploadFromFormData } from "@/lib/uploads/form-data-upload";
import { ORGANIZATION_EVIDENCE_UPLOAD } from "@/lib/uploads/upload-kinds";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

const PAGE = "/editeur/organisation";

export type OrganizationSaved = { ok: true; message: string; version: string };

export async function updateOrganizationAction(organizationId: unknown, values: unknown): Promise<ActionResult | OrganizationSaved> {
  return signedInAction((actor, request) => updateOrganization(actor, organizationId, values, request), {
    revalidate: () => [PAGE, "/editeur"],
    answer: ({ changes, version }): OrganizationSaved => ({
      ok: true,
      version,
      message: Object.keys(changes).length > 0 ? "Les informations de l'organisation sont enregistrées." : "Aucune modification à enregistrer.",
    }),
  });
}

export async function inviteColleagueAction(organizationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => inviteColleague(actor, organizationId, values, request), {
    revalidate: () => [PAGE],
    notice: ({ email }) => `Invitation envoyée à ${email}. Le lien est valable 7 jours et ne sert qu'une fois.`,
  });
}

export async function revokeInvitationAction(invitationId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => revokeInvitation(actor, invitationId, request), {
    revalidate: () => [PAGE],
    notice: () => "L'invitation est annulée : son lien ne fonctionne plus.",
  });
}

export async function setLegalRepresentativeAction(membershipId: unknown, isLegalRepresentative: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => setLegalRepresentative(actor, membershipId, isLegalRepresentative, request), {
    revalidate: () => [PAGE],
    notice: ({ memberName }) => (isLegalRepresentative === true ? `${memberName} est maintenant représentant légal.` : `${memberName} n'est plus représentant légal.`),
  });
}

export async function setTechnicalContactAction(membershipId: unknown, isTechnicalContact: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => setTechnicalContact(actor, membershipId, isTechnicalContact, request), {
    revalidate: () => [PAGE],
    notice: ({ memberName }) => (isTechnicalContact === true ? `${memberName} est maintenant contact technique.` : `${memberName} n'est plus contact technique.`),
  });
}

export async function removeMemberAction(membershipId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => removeMember(actor, membershipId, request), {
    revalidate: () => [PAGE, "/editeur"],
    notice: ({ memberName }) => `${memberName} ne fait plus partie de l'organisation.`,
  });
}

/**
 * The evidence form posted without JavaScript (within the server-action body limit): the document, its kind and
 * its date. With JavaScript the form sends to POST /api/organisations/<id>/justificatifs with a progress bar.
 */
export async function uploadEvidenceAction(organizationId: string, _previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return signedInAction(async (actor, request) => uploadOrganizationEvidence(actor, organizationId, await uploadFromFormData(formData, ORGANIZATION_EVIDENCE_UPLOAD), request), {
    revalidate: () => [PAGE, "/editeur"],
    notice: () => "Justificatif déposé : l'ANS le vérifiera.",
  });
}

export async function decideJoinRequestAction(joinRequestId: unknown, accept: boolean): Promise<ActionResult> {
  return signedInAction((actor, request) => decideJoinRequest(actor, joinRequestId, accept === true, request), {
    revalidate: () => [PAGE, "/editeur"],
    notice: ({ requesterName, accepted }) =>
      accepted ? `${requesterName} fait maintenant partie de l'organisation.` : `La demande de ${requesterName} est refusée ; la personne en est informée.`,
  });
}

/** A new SIRET typed on the organisation page: the register's legal name and address (ADR 0049). */
export async function lookUpSiretAction(siret: unknown) {
  return signedInAction((actor, request) => lookUpSiretForPrefill(actor, siret, request), { answer: (prefill) => prefill });
}

export async function setSecondFactorRequirementAction(organizationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => setSecondFactorRequirement(actor, organizationId, values, request), {
    revalidate: () => [PAGE],
    notice: ({ changed, required }) =>
      !changed
        ? "Aucune modification à enregistrer."
        : required
          ? "Le second facteur est maintenant exigé de chaque membre : ceux qui n'en ont pas l'activeront avant toute autre action."
          : "Le second facteur n'est plus exigé : chaque membre choisit de l'activer ou non.",
  });
}
