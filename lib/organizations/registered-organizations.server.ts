import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";

/** For the ANS space: the organisations that have an account, newest first. */
export async function registeredOrganizations(actor: Actor, take = 50) {
  if (!can(actor, { type: "ansSpace.view" })) throw new AppError("FORBIDDEN", "Accès réservé à l'ANS.");
  const [total, organizations] = await Promise.all([
    db().organization.count(),
    db().organization.findMany({
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, legalName: true, siret: true, createdAt: true, _count: { select: { memberships: true } } },
    }),
  ]);
  return { total, organizations };
}
