import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";

/** The organisations an editor belongs to, with their people; checked against the actor. */
export async function editorHome(actor: Actor) {
  const organizationIds = actor.memberships.map((m) => m.organizationId);
  for (const organizationId of organizationIds) {
    if (!can(actor, { type: "organization.read", organizationId })) {
      throw new AppError("FORBIDDEN", "Accès refusé à cette organisation.");
    }
  }
  return db().organization.findMany({
    where: { id: { in: organizationIds } },
    orderBy: { legalName: "asc" },
    include: {
      memberships: {
        orderBy: [{ isLegalRepresentative: "desc" }, { createdAt: "asc" }],
        include: { user: { select: { name: true, email: true, status: true } } },
      },
    },
  });
}
