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

/**
 * Who receives certificate-expiry and gateway notices (issue 22): the legal representatives and the technical
 * contacts they named, active accounts only, each address once. The one function issue 24's notices use too.
 */
export async function gatewayNoticeRecipients(tx: Tx, organizationId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organizationId, user: { status: "ACTIVE" }, OR: [{ isLegalRepresentative: true }, { isTechnicalContact: true }] },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(members.map((m) => m.user.email))];
}
