import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db.server";
import { noteSignedInUser } from "../observability/request-scope";
import { auth } from "./next-auth.server";
import { can, type Action, type Actor } from "./permissions";

export type SignedInActor = Actor & { name: string; email: string };

/** The person behind this request, read fresh from Postgres; null when anonymous or disabled. */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { memberships: { select: { organizationId: true, isLegalRepresentative: true } } },
  });
  if (!user || user.status !== "ACTIVE") return null;
  noteSignedInUser(user.id);
  return { userId: user.id, name: user.name, email: user.email, roles: user.roles, memberships: user.memberships };
});

export async function requireActor(returnTo?: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/connexion?retour=${encodeURIComponent(returnTo)}` : "/connexion");
  return actor;
}

/** For pages: redirects anonymous visitors to sign-in, answers 403 to those without the right. */
export async function requirePermission(action: Action, returnTo?: string): Promise<SignedInActor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, action)) forbidden();
  return actor;
}
