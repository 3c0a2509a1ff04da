import "server-only";
import { recordEvent } from "../events/record.server";
import { ANONYMOUS, userActor } from "../events/actor";
import { hashPassword } from "../auth/password.server";
import type { AddressLimit } from "../auth/sign-in-limit";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { queueMail } from "../mail/outbox.server";
import { portalLink } from "../portal-link.server";
import type { RequestContext } from "../request.server";
import { INVALID_FORM, invalidForm } from "../validation";
import { mayMailAgain } from "../auth/account-link";
import { sendVerification } from "../accounts/email-verification.server";
import { alreadyRegisteredMail } from "../accounts/mail-texts";
import { passwordProblem } from "../accounts/password-strength";
import { admitAccountRequest } from "../accounts/request-limit.server";
import { signUpSchema } from "./sign-up-schema";
import { createJoinRequest } from "./join-requests.server";
import { registerProblem } from "./register";
import { companyRegister, type RegisterClient } from "./register-client.server";
import { linkProConnectAtSignUp } from "../auth/proconnect.server";

const SIRET_TAKEN = "Cette organisation a déjà un compte. Demandez à l'un de ses membres de vous inviter.";

/**
 * What happened, for the caller's own use (tests, fixtures): the person is told the same thing either way,
 * "consultez votre messagerie", so that sign-up never says whether an address has an account (ADR 0020).
 */
export type SignUpOutcome =
  | { outcome: "created"; userId: string; organizationId: string; verificationToken: string }
  /** The SIRET had an organisation: an account without one, and a join request to it (issue 22). */
  | { outcome: "join_requested"; userId: string; organizationId: string; joinRequestId: string; verificationToken: string }
  | { outcome: "existing" };

export type SignUpOptions = {
  now?: Date;
  limit?: AddressLimit;
  register?: RegisterClient;
  /** The ProConnect first sign-in this sign-up comes from (ADR 0044): same address, the account is linked to it. */
  proConnectAttemptId?: string;
};

/**
 * Creates an editor account with its organisation, unverified, and mails the verification link, in one transaction,
 * or nothing at all. An address that has an account gets a mail instead ("vous avez déjà un compte"), at most one
 * per 10 minutes. The cheap checks (form, per-address limit, password strength, SIRET) run before the memory-hard hash.
 */
export async function signUpEditor(raw: unknown, request: RequestContext, options: SignUpOptions = {}): Promise<SignUpOutcome> {
  const now = options.now ?? new Date();
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  const input = parsed.data;
  await admitAccountRequest("SIGN_UP", request, now, options.limit);
  const weak = passwordProblem(input.password, [input.name, input.email]);
  if (weak) throw new AppError("VALIDATION", INVALID_FORM, { password: weak });
  // Issue 22: with SIRENE_API_URL, an unknown or closed establishment is refused; a register that cannot answer
  // (timeout, breaker open) lets the sign-up go on, and ANS's reviewer sees "registre non consulté".
  const registered = registerProblem(await (options.register ?? companyRegister()).lookup(input.siret));
  if (registered) throw new AppError("VALIDATION", INVALID_FORM, { siret: registered });
  const passwordHash = await hashPassword(input.password);

  try {
    return await db().$transaction(async (tx): Promise<SignUpOutcome> => {
      const existing = await tx.$queryRaw<{ id: string; name: string }[]>`
        SELECT "id"::text AS "id", "name" FROM "User" WHERE "email" = ${input.email} FOR UPDATE`;
      if (existing[0]) {
        const owner = existing[0];
        const last = await tx.outboxMessage.findFirst({
          where: { to: input.email, kind: "account.already_registered" },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        });
        const mailed = mayMailAgain(last?.createdAt ?? null, now);
        if (mailed) {
          await queueMail(tx, {
            to: input.email,
            ...alreadyRegisteredMail({ name: owner.name, signInLink: portalLink("/connexion"), recoveryLink: portalLink("/mot-de-passe-oublie") }),
          });
        }
        await recordEvent(tx, { name: "user.duplicate_sign_up", actor: ANONYMOUS, subjectId: owner.id, request, payload: { mailed } });
        return { outcome: "existing" };
      }
      // Issue 22: a SIRET that has an organisation gets no second one. The account is made without an organisation
      // and asks to join it; its legal representatives answer. The requester is never told who holds it.
      const holder = await tx.organization.findUnique({ where: { siret: input.siret }, select: { id: true } });
      if (holder) {
        const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, roles: ["EDITOR"] } });
        await recordEvent(tx, { name: "user.signed_up", actor: userActor(user.id), subjectId: user.id, request, payload: {} });
        const { joinRequestId } = await createJoinRequest(tx, { requesterId: user.id, organizationId: holder.id, asLegalRepresentative: input.isLegalRepresentative, request }, now);
        if (options.proConnectAttemptId) await linkProConnectAtSignUp(tx, options.proConnectAttemptId, user, request, now);
        const { token } = await sendVerification(tx, user, { resent: false, request }, now);
        return { outcome: "join_requested", userId: user.id, organizationId: holder.id, joinRequestId, verificationToken: token };
      }

      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, roles: ["EDITOR"] },
      });
      const organization = await tx.organization.create({
        data: { legalName: input.legalName, siret: input.siret, address: input.address },
      });
      await tx.membership.create({
        data: { userId: user.id, organizationId: organization.id, isLegalRepresentative: input.isLegalRepresentative },
      });
      await recordEvent(tx, {
        name: "user.signed_up",
        actor: userActor(user.id),
        organizationId: organization.id,
        subjectId: user.id,
        request,
        payload: {},
      });
      await recordEvent(tx, {
        name: "organization.created",
        actor: userActor(user.id),
        organizationId: organization.id,
        subjectId: organization.id,
        request,
        payload: { legalName: input.legalName, siret: input.siret, isLegalRepresentative: input.isLegalRepresentative },
      });
      if (options.proConnectAttemptId) await linkProConnectAtSignUp(tx, options.proConnectAttemptId, user, request, now);
      const { token } = await sendVerification(tx, user, { resent: false, request, organizationId: organization.id }, now);
      return { outcome: "created", userId: user.id, organizationId: organization.id, verificationToken: token };
    });
  } catch (error) {
    // Two sign-ups racing past the checks above meet the unique constraints instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("siret")) throw new AppError("CONFLICT", INVALID_FORM, { siret: SIRET_TAKEN });
      // The same address signed up twice at once: the other one made the account, and this one is told the same.
      return { outcome: "existing" };
    }
    throw error;
  }
}
