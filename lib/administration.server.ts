import "server-only";
import { can, type Actor } from "./auth/permissions";
import { db } from "./db.server";
import { AppError } from "./errors";
import { eventRowSelect, withNames } from "./events/read.server";

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
    db().event.findMany({ orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 50, select: eventRowSelect }),
  ]);
  return { users, events: await withNames(events) };
}
