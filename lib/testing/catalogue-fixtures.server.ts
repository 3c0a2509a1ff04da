import "server-only";
// Test helpers for the catalogue's integration tests: people and organisations written straight to the database.
import { randomUUID } from "node:crypto";
import type { Actor, PlatformRole } from "../auth/permissions";
import { db } from "../db.server";

export const request = { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (vitest)" };

export async function createPerson(roles: PlatformRole[], name = "Personne Test"): Promise<Actor & { email: string }> {
  const email = `${randomUUID()}@exemple.fr`;
  const user = await db().user.create({ data: { email, name, passwordHash: "x", roles } });
  return { userId: user.id, email, roles, memberships: [] };
}

/** An organisation with a legal representative and a plain member, verified by ANS unless told otherwise (issue 22). */
export async function createOrganization(legalName = "Éditeur Test SAS", options: { verified?: boolean } = {}) {
  const siret = String(Math.floor(Math.random() * 1e14)).padStart(14, "0");
  const verified = options.verified ?? true;
  const organization = await db().organization.create({
    data: { legalName, siret, address: "1 rue de la Paix, 75002 Paris", ...(verified ? { status: "VERIFIED" as const, awaitingVerificationSince: null } : {}) },
  });
  const legalRepresentative = await createPerson(["EDITOR"], `Représentante de ${legalName}`);
  const member = await createPerson(["EDITOR"], `Membre de ${legalName}`);
  await db().membership.createMany({
    data: [
      { userId: legalRepresentative.userId, organizationId: organization.id, isLegalRepresentative: true },
      { userId: member.userId, organizationId: organization.id, isLegalRepresentative: false },
    ],
  });
  return {
    organizationId: organization.id,
    legalRepresentative: { ...legalRepresentative, memberships: [{ organizationId: organization.id, isLegalRepresentative: true }] },
    member: { ...member, memberships: [{ organizationId: organization.id, isLegalRepresentative: false }] },
  };
}
