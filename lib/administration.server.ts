import { can, type Actor } from "./auth/permissions";
import { db } from "./db.server";
import { AppError } from "./errors";

export async function administrationOverview(actor: Actor) {
  if (!can(actor, { type: "users.manage" }) || !can(actor, { type: "auditLog.read" })) {
    throw new AppError("FORBIDDEN", "Accès réservé aux administrateurs ANS.");
  }
  const [users, events] = await Promise.all([
    db().user.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, email: true, roles: true, status: true, createdAt: true },
      take: 200,
    }),
    db().auditEvent.findMany({
      orderBy: { occurredAt: "desc" },
      take: 50,
      include: { actor: { select: { name: true } }, organization: { select: { legalName: true } } },
    }),
  ]);
  return { users, events };
}
