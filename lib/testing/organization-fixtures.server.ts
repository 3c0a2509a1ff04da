import "server-only";
// Helpers for the organisation integration tests only (never imported by the app).
import { randomInt } from "node:crypto";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { passesLuhn } from "../organizations/identifiers";
import { signUpEditor } from "../organizations/sign-up.server";
export { rejection } from "./rejection";

export const testRequest = { ip: "203.0.113.9", userAgent: "vitest" };
export const testPassword = "une phrase de passe solide";

let sequence = 0;

export function uniqueSiret(): string {
  for (;;) {
    const base = Array.from({ length: 13 }, () => randomInt(10)).join("");
    if (base.startsWith("356")) continue;
    for (let key = 0; key < 10; key++) if (passesLuhn(base + key)) return base + key;
  }
}

export function uniqueTestEmail(prefix: string): string {
  sequence += 1;
  return `${prefix}.${sequence}.${randomInt(1e9)}@exemple.fr`;
}

/** The actor as the session helper builds it, read fresh from the database. */
export async function actorOf(userId: string): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { select: { organizationId: true, isLegalRepresentative: true } } },
  });
  return { userId: user.id, roles: user.roles, memberships: user.memberships };
}

/**
 * A new organisation, signed up by a person who is (or not) its legal representative. Verified by ANS unless told
 * otherwise (issue 22): the tests of what comes after sign-up need an organisation that may submit a dossier.
 */
export async function newOrganization(options: { legalRepresentative?: boolean; legalName?: string; verified?: boolean } = {}) {
  const email = uniqueTestEmail("fondateur");
  const outcome = await signUpEditor(
    {
      name: "Fondatrice Test",
      email,
      password: testPassword,
      passwordConfirmation: testPassword,
      legalName: options.legalName ?? "Éditeur Test SAS",
      siret: uniqueSiret(),
      address: "1 rue de la Paix\n75002 Paris",
      isLegalRepresentative: options.legalRepresentative ?? true,
    },
    testRequest,
  );
  if (outcome.outcome !== "created") throw new Error("the test sign-up found an existing account");
  const { userId, organizationId } = outcome;
  if (options.verified ?? true) await db().organization.update({ where: { id: organizationId }, data: { status: "VERIFIED", awaitingVerificationSince: null } });
  return { userId, organizationId, email, actor: await actorOf(userId) };
}

