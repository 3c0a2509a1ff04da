import "server-only";
import type { Tx } from "../db.server";

/** Every active member of the organisation: its staff and its legal representatives, each address once. */
export async function organizationEmails(tx: Tx, organizationId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organizationId, user: { status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(members.map((m) => m.user.email))];
}
