import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { ORGANIZATION_NOT_FOUND, parseRecordId, requireMembershipInTransaction, requireOrganizationAction } from "./organization-access.server";
import { resetOrganizationVerification } from "./verification.server";
import { organizationChanges, organizationDetailsSchema, type OrganizationChanges } from "./organization-schema";

const SIRET_TAKEN = "Ce SIRET est déjà celui d'une autre organisation inscrite sur le portail.";
const LEGAL_IDENTITY_FOR_REPRESENTATIVES = "Seul un représentant légal peut modifier ce champ : l'ANS le vérifie.";
const MODIFIED_MEANWHILE =
  "L'organisation a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rechargez la page pour voir ses informations à jour, puis recommencez.";

/**
 * Changes the legal name, SIRET or address of an organisation the actor belongs to. Refused when someone
 * else changed it since the form was shown (the organisation's updatedAt is its version).
 */
export async function updateOrganization(
  actor: Actor,
  organizationId: unknown,
  raw: unknown,
  request: RequestContext,
): Promise<{ changes: OrganizationChanges; version: string }> {
  const id = parseRecordId(organizationId, ORGANIZATION_NOT_FOUND);
  requireOrganizationAction(actor, { type: "organization.update", organizationId: id });
  const parsed = organizationDetailsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const { version, ...after } = parsed.data;
  const expectedUpdatedAt = new Date(version);
  if (Number.isNaN(expectedUpdatedAt.getTime())) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);

  try {
    return await db().$transaction(async (tx) => {
      const membership = await requireMembershipInTransaction(tx, actor, id);
      const before = await tx.organization.findUnique({ where: { id }, select: { legalName: true, siret: true, address: true, updatedAt: true } });
      if (!before) throw new AppError("NOT_FOUND", ORGANIZATION_NOT_FOUND);
      if (before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
      const changes = organizationChanges(before, after);
      if (Object.keys(changes).length === 0) return { changes, version: before.updatedAt.toISOString() };

      // Issue 22: the SIRET and the legal name are what ANS verified; only a legal representative changes them.
      if ((changes.siret || changes.legalName) && !membership.isLegalRepresentative) {
        throw new AppError("FORBIDDEN", "Seul un représentant légal peut modifier la raison sociale ou le SIRET.", {
          ...(changes.legalName ? { legalName: LEGAL_IDENTITY_FOR_REPRESENTATIVES } : {}),
          ...(changes.siret ? { siret: LEGAL_IDENTITY_FOR_REPRESENTATIVES } : {}),
        });
      }
      if (changes.siret) {
        const holder = await tx.organization.findUnique({ where: { siret: after.siret }, select: { id: true } });
        if (holder && holder.id !== id) throw new AppError("CONFLICT", "Le formulaire contient des erreurs.", { siret: SIRET_TAKEN });
      }
      const { count } = await tx.organization.updateMany({ where: { id, updatedAt: before.updatedAt }, data: after });
      if (count !== 1) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
      if (changes.siret || changes.legalName) {
        await resetOrganizationVerification(tx, { organizationId: id, actorId: actor.userId, cause: changes.siret ? "siret_changed" : "legal_name_changed", request });
      }
      const updated = await tx.organization.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
      await recordEvent(tx, {
        name: "organization.updated",
        actor: userActor(actor.userId),
        organizationId: id,
        subjectId: id,
        request,
        payload: { changes },
      });
      return { changes, version: updated.updatedAt.toISOString() };
    });
  } catch (error) {
    // Two organisations changing to the same SIRET at once meet the unique constraint instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Le formulaire contient des erreurs.", { siret: SIRET_TAKEN });
    }
    throw error;
  }
}
