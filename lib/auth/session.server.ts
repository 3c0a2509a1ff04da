import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { accountGate, GATE_PATHS, GATES_KEEPING_RETURN_PATH, type AccountGate } from "./account-gate";
import { hasAnyFactor, requiredByAnOrganization, secondFactorGate, secondFactorRequired, type FactorInventory } from "../second-factor/policy";
import { db } from "../db.server";
import { noteSignedInUser } from "../observability/request-scope";
import { auth } from "./next-auth.server";
import { can, type Action, type Actor } from "./permissions";

export type SignedInActor = Actor & { name: string; email: string };

/** Whoever holds a live session, with what they must do first (confirm their address, replace a one-time password). */
export type SignedInAccount = {
  actor: SignedInActor;
  gate: AccountGate | null;
  sessionId: string | null;
  /** When this session last passed a second-factor check (step-up, issue 19); null: never. */
  secondFactorAt: Date | null;
  /** The account's factors: which ways of checking the sign-in step and the step-up dialog offer (ADR 0060). */
  secondFactors: FactorInventory;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account behind this request's session, read fresh from Postgres; null when anonymous or disabled. */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const rawSessionId = (session as { sessionId?: unknown }).sessionId;
  const sessionId = typeof rawSessionId === "string" && UUID.test(rawSessionId) ? rawSessionId : null;
  const user = await db().user.findUnique({
    where: { id: userId },
    include: {
      memberships: { select: { organizationId: true, isLegalRepresentative: true, organization: { select: { status: true, requireSecondFactor: true } } } },
      _count: { select: { joinRequests: true, passkeys: true } },
      totpFactor: { select: { confirmedAt: true } },
      sessions: { where: { id: sessionId ?? "00000000-0000-0000-0000-000000000000" }, select: { secondFactorAt: true, secondFactorByProConnect: true } },
    },
  });
  if (!user || user.status !== "ACTIVE") return null;
  noteSignedInUser(user.id);
  const current = user.sessions[0];
  const secondFactorAt = current?.secondFactorAt ?? null;
  const secondFactors = { totp: Boolean(user.totpFactor?.confirmedAt), passkeys: user._count.passkeys };
  // A suspended organisation's memberships grant nothing (issue 22): its people act for it no more.
  const memberships = user.memberships.filter((m) => m.organization.status !== "SUSPENDED").map(({ organizationId, isLegalRepresentative }) => ({ organizationId, isLegalRepresentative }));
  return {
    actor: { userId: user.id, name: user.name, email: user.email, roles: user.roles, memberships },
    gate: accountGate(user, {
      organizations: user.memberships.length,
      suspendedOrganizations: user.memberships.length - memberships.length,
      joinRequests: user.roles.includes("EDITOR") ? user._count.joinRequests : 0,
    }, secondFactorGate({
      required: secondFactorRequired(user.roles, requiredByAnOrganization(user.memberships)),
      enrolled: hasAnyFactor(secondFactors),
      passed: secondFactorAt !== null || current?.secondFactorByProConnect === true,
    })),
    sessionId,
    secondFactorAt,
    secondFactors,
  };
});

/**
 * The person behind this request, read fresh from Postgres; null when anonymous, disabled, or held at a gate (an
 * unconfirmed address, a one-time password to replace): such an account reaches nothing but its gate's page.
 */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  const account = await getSignedInAccount();
  return account && account.gate === null ? account.actor : null;
});

export async function requireActor(returnTo?: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (actor) return actor;
  const account = await getSignedInAccount();
  if (account?.gate) {
    const keep = returnTo && GATES_KEEPING_RETURN_PATH.includes(account.gate);
    redirect(keep ? `${GATE_PATHS[account.gate]}?retour=${encodeURIComponent(returnTo)}` : GATE_PATHS[account.gate]);
  }
  redirect(returnTo ? `/connexion?retour=${encodeURIComponent(returnTo)}` : "/connexion");
}

/** For pages: redirects anonymous visitors to sign-in, answers 403 to those without the right. */
export async function requirePermission(action: Action, returnTo?: string): Promise<SignedInActor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, action)) forbidden();
  return actor;
}

/** For a gate's page: the account held at that gate; anyone else goes where they belong. */
export async function requireGatedAccount(gate: AccountGate): Promise<SignedInAccount> {
  const account = await getSignedInAccount();
  if (!account) redirect("/connexion");
  if (account.gate !== gate) redirect(account.gate ? GATE_PATHS[account.gate] : "/espace");
  return account;
}
