import "server-only";
import { db } from "../db.server";

/** What the page of a suspended organisation's people shows: its name, since when, and ANS's reason. */
export async function suspendedOrganizationsOf(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId, organization: { status: "SUSPENDED" } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: { legalName: true, statusChangedAt: true, statusReason: true } } },
  });
  return memberships.map((m) => ({ legalName: m.organization.legalName, since: m.organization.statusChangedAt, reason: m.organization.statusReason }));
}
