import "server-only";
// A legal representative requires a second factor of every member of the organisation, or lifts that requirement
// (issue 19, ADR 0041). The sign-in gate reads the setting from the account's memberships on every request.
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import type { RequestContext } from "../request.server";
import { LEGAL_REPRESENTATIVES_ONLY, lockOrganization, ORGANIZATION_NOT_FOUND, parseRecordId, requireMembershipInTransaction, requireOrganizationAction } from "./organization-access.server";
import { secondFactorRequirementSchema } from "./organization-schema";

export async function setSecondFactorRequirement(
  actor: Actor,
  organizationId: unknown,
  values: unknown,
  request: RequestContext,
): Promise<{ changed: boolean; required: boolean }> {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  requireOrganizationAction(actor, { type: "organization.update", organizationId: id });
  if (!can(actor, { type: "organization.manageLegalRepresentatives", organizationId: id })) throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
  const parsed = secondFactorRequirementSchema.safeParse(values);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Demande invalide.";
    throw new AppError("VALIDATION", message, { requireSecondFactor: message });
  }
  const required = parsed.data.requireSecondFactor;

  return db().$transaction(async (tx) => {
    if (!(await lockOrganization(tx, id))) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
    // The session may be stale: the role is checked again on the row itself.
    const membership = await requireMembershipInTransaction(tx, actor, id);
    if (!membership.isLegalRepresentative) throw new AppError("FORBIDDEN", LEGAL_REPRESENTATIVES_ONLY);
    const current = await tx.organization.findUniqueOrThrow({ where: { id }, select: { requireSecondFactor: true } });
    if (current.requireSecondFactor === required) return { changed: false, required };
    // Raw, so that `updatedAt` (the details form's version) stays: this setting does not conflict with an edit of the
    // organisation's identity open in another tab.
    await tx.$executeRaw`UPDATE "Organization" SET "requireSecondFactor" = ${required} WHERE "id" = ${id}::uuid`;
    await recordEvent(tx, {
      name: "organization.second_factor_requirement_changed",
      actor: userActor(actor.userId),
      organizationId: id,
      subjectId: id,
      request,
      payload: { required },
    });
    return { changed: true, required };
  });
}
