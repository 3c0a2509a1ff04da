"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { inviteColleague, revokeInvitation } from "@/lib/organizations/invitations.server";
import { removeMember, setLegalRepresentative } from "@/lib/organizations/memberships.server";
import { updateOrganization } from "@/lib/organizations/update-organization.server";
import { currentRequestContext } from "@/lib/request.server";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

export type ActionResult = { ok: true; message: string; version?: string } | FormResult;

const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };
const PAGE = "/editeur/organisation";

async function run(work: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<{ message: string; version?: string }>): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    const result = await work(actor);
    revalidatePath(PAGE);
    return { ok: true, ...result };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function updateOrganizationAction(organizationId: unknown, values: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    const { changes, version } = await updateOrganization(actor, organizationId, values, await currentRequestContext());
    revalidatePath("/editeur");
    return { version, message: Object.keys(changes).length > 0 ? "Les informations de l'organisation sont enregistrées." : "Aucune modification à enregistrer." };
  });
}

export async function inviteColleagueAction(organizationId: unknown, values: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    const { email } = await inviteColleague(actor, organizationId, values, await currentRequestContext());
    return { message: `Invitation envoyée à ${email}. Le lien est valable 7 jours et ne sert qu'une fois.` };
  });
}

export async function revokeInvitationAction(invitationId: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    await revokeInvitation(actor, invitationId, await currentRequestContext());
    return { message: "L'invitation est annulée : son lien ne fonctionne plus." };
  });
}

export async function setLegalRepresentativeAction(membershipId: unknown, isLegalRepresentative: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    const { memberName } = await setLegalRepresentative(actor, membershipId, isLegalRepresentative, await currentRequestContext());
    return { message: isLegalRepresentative === true ? `${memberName} est maintenant représentant légal.` : `${memberName} n'est plus représentant légal.` };
  });
}

export async function removeMemberAction(membershipId: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    const { memberName } = await removeMember(actor, membershipId, await currentRequestContext());
    revalidatePath("/editeur");
    return { message: `${memberName} ne fait plus partie de l'organisation.` };
  });
}
