import "server-only";
// Second factors of an account (issue 19, ADR 0041): TOTP enrolment and checks, recovery codes, the step-up clock.
// Every check runs under the sign-in limits (the SignInAttempt rows, keyed by account), and a refused check writes
// nothing but its attempt and its event.
import QRCode from "qrcode";
import { z } from "zod";
import { reserveAttempt } from "../auth/authenticate.server";
import { markSecondFactorPassed } from "../auth/sessions.server";
import { SIGN_IN_LIMITS, signInRefusalMessage, type SignInLimits } from "../auth/sign-in-limit";
import { db, type Tx } from "../db.server";
import { env } from "../env.server";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import type { RequestContext } from "../request.server";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { secondFactorKeyMaterial } from "./key-material";
import { openSecret, sealSecret } from "./secret-box";
import { STEP_UP_MESSAGE, STEP_UP_SECONDS, stepUpIsFresh } from "./step-up";
import { secondFactorStanding } from "./requirement.server";
import { lastFactorRefusal } from "./policy";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

export const SECOND_FACTOR_MESSAGES = {
  wrong: "Code incorrect. Saisissez le code à 6 chiffres affiché par votre application, ou un code de secours.",
  replayed: "Ce code a déjà servi. Attendez le suivant dans votre application (ils changent toutes les 30 secondes).",
  recoveryUsed: "Ce code de secours a déjà servi ou n'existe pas : chacun ne sert qu'une fois.",
  noFactor: "Aucune application d'authentification n'est activée sur ce compte.",
  noPending: "L'activation a expiré : rechargez la page pour obtenir un nouveau secret.",
  lastForAnsRole:
    "Un compte de l'ANS garde toujours un second facteur : vous ne pouvez pas retirer le dernier. Un téléphone perdu ? Un administrateur peut réinitialiser vos seconds facteurs.",
  lastForOrganization:
    "Une de vos organisations exige un second facteur de ses membres : vous ne pouvez pas retirer le dernier. Activez-en un autre d'abord, ou demandez à un représentant légal de lever l'exigence.",
} as const;

const codeSchema = z.object({
  code: z
    .string({ error: "Saisissez le code." })
    .trim()
    .min(1, "Saisissez le code.")
    .max(32, "Ce code est trop long."),
});

/** The key material that seals TOTP secrets; outside production a key derived from AUTH_SECRET stands in. */
function keyMaterial(): string {
  return secondFactorKeyMaterial(env());
}

function stepUpWindowSeconds(): number {
  return env().STEP_UP_WINDOW_SECONDS ?? STEP_UP_SECONDS;
}

/** Whether a session's last check is recent enough for a sensitive act (ten minutes, shorter in e2e). */
export function stepUpFresh(secondFactorAt: Date | null, now: Date = new Date()): boolean {
  return stepUpIsFresh(secondFactorAt, now, stepUpWindowSeconds());
}

/**
 * Whether an ANS staff act needs a fresh check from this actor. The acts of issue 19 are ANS staff's alone: an
 * account without an ANS role is not asked for a code (it could not make the act anyway), its use case refuses it
 * with 403, so a forged post from an editor reads the same refusal as before.
 */
export function staffStepUpMissing(actor: { roles: readonly string[] }, secondFactorAt: Date | null, now: Date = new Date()): boolean {
  const staff = actor.roles.includes("ANS_REVIEWER") || actor.roles.includes("ANS_ADMIN");
  return staff && !stepUpFresh(secondFactorAt, now);
}

/** The refusal of a sensitive act posted without a fresh check: 403, nothing changed. */
export function requireFreshSecondFactor(secondFactorAt: Date | null, now: Date = new Date()): void {
  if (!stepUpFresh(secondFactorAt, now)) throw new AppError("FORBIDDEN", STEP_UP_MESSAGE);
}

export type SecondFactorOverview = { totpEnabled: boolean; totpSince: Date | null; recoveryCodesLeft: number };

export async function secondFactorOverview(userId: string): Promise<SecondFactorOverview> {
  const [factor, left] = await Promise.all([
    db().totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db().recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { totpEnabled: Boolean(factor?.confirmedAt), totpSince: factor?.confirmedAt ?? null, recoveryCodesLeft: left };
}

export type PendingEnrolment = { secret: string; uri: string; qrSvg: string };

/**
 * The secret of the enrolment under way, made on first need and kept until confirmed (reloading the page shows the
 * same one, so a scanned QR code stays right). Null when the account already has a confirmed factor.
 */
export async function pendingTotpEnrolment(user: { userId: string; email: string }): Promise<PendingEnrolment | null> {
  const key = keyMaterial();
  let factor = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  if (factor?.confirmedAt) return null;
  let secret = factor ? openSecret(key, user.userId, factor.secretEncrypted) : null;
  if (!secret) {
    secret = newTotpSecret();
    const sealed = sealSecret(key, user.userId, secret);
    factor = await db().totpFactor.upsert({
      where: { userId: user.userId },
      create: { userId: user.userId, secretEncrypted: sealed },
      update: { secretEncrypted: sealed, lastUsedStep: null },
    });
  }
  const uri = totpUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

export type Limited = { limits?: SignInLimits; now?: Date };

/**
 * Runs one check under the sign-in limits: the (account, address) pair and the address, as for passwords. `check`
 * answers whether it passed; a refused limit throws RATE_LIMITED before anything is checked.
 */
export async function underLimits<T extends { ok: boolean }>(userId: string, request: RequestContext, options: Limited, check: (now: Date) => Promise<T>): Promise<T> {
  const now = options.now ?? new Date();
  const reservation = await reserveAttempt(`second-factor:${userId}`, request.ip, now, options.limits ?? SIGN_IN_LIMITS);
  if ("refused" in reservation) {
    throw new AppError("RATE_LIMITED", signInRefusalMessage(reservation.refused).replace("de connexion", "de code"));
  }
  let result: T | undefined;
  try {
    result = await check(now);
    return result;
  } finally {
    await db().signInAttempt.update({ where: { id: reservation.attemptId }, data: { outcome: result?.ok ? "SUCCEEDED" : "FAILED" } });
  }
}

export async function recordFailure(userId: string, reason: "wrong" | "replayed" | "passkey_refused", request: RequestContext): Promise<void> {
  await db().$transaction((tx) => recordEvent(tx, { name: "user.second_factor_failed", actor: userActor(userId), subjectId: userId, request, payload: { reason } }));
}

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}

/**
 * Confirms the enrolment under way with a first code: the factor is on, the session has passed it, and the ten
 * recovery codes are made (returned once, to be shown once).
 */
export async function confirmTotpEnrolment(
  user: { userId: string },
  sessionId: string | null,
  raw: unknown,
  request: RequestContext,
  options: Limited = {},
): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseCode(raw);
  const factor = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  if (!factor || factor.confirmedAt) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noPending);
  const secret = openSecret(keyMaterial(), user.userId, factor.secretEncrypted);
  if (!secret) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noPending);
  const outcome = await underLimits(user.userId, request, options, async (now) => {
    const check = checkTotp(secret, code, null, now);
    if (!check.ok) return check;
    return db().$transaction(async (tx) => {
      // Conditional: of two confirmations at once, one makes the codes.
      const { count } = await tx.totpFactor.updateMany({ where: { userId: user.userId, confirmedAt: null }, data: { confirmedAt: now, lastUsedStep: check.step } });
      if (count !== 1) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noPending);
      const recoveryCodes = await replaceRecoveryCodes(tx, user.userId, now);
      if (sessionId) await markSecondFactorPassed(tx, sessionId, now);
      await recordEvent(tx, { name: "user.second_factor_enrolled", actor: userActor(user.userId), subjectId: user.userId, request, payload: { kind: "totp" } });
      return { ok: true as const, recoveryCodes };
    });
  });
  if (!outcome.ok) {
    await recordFailure(user.userId, "wrong", request);
    throw new AppError("VALIDATION", SECOND_FACTOR_MESSAGES.wrong, { code: SECOND_FACTOR_MESSAGES.wrong });
  }
  return { recoveryCodes: outcome.recoveryCodes };
}

function parseCode(raw: unknown): { code: string } {
  const parsed = codeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Saisissez le code.", { code: parsed.error.issues[0]?.message ?? "Saisissez le code." });
  return parsed.data;
}

/**
 * A second-factor check of a signed-in session: a TOTP code (accepted once, ±1 step) or a recovery code (once).
 * On success the session's `secondFactorAt` is now: it passes the sign-in step, and sensitive acts for ten minutes.
 */
export async function verifySecondFactor(
  user: { userId: string },
  sessionId: string,
  raw: unknown,
  purpose: "sign_in" | "step_up",
  request: RequestContext,
  options: Limited = {},
): Promise<{ kind: "totp" | "recovery_code" }> {
  const { code } = parseCode(raw);
  const factor = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  if (!factor?.confirmedAt) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noFactor);
  const secret = openSecret(keyMaterial(), user.userId, factor.secretEncrypted);
  if (!secret) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noFactor);
  const recovery = looksLikeRecoveryCode(code);

  type Outcome = { ok: true; kind: "totp" | "recovery_code" } | { ok: false; reason: "wrong" | "replayed" | "recovery_used" };
  const outcome = await underLimits<Outcome>(user.userId, request, options, (now) =>
    db().$transaction(async (tx): Promise<Outcome> => {
      if (recovery) {
        // Conditional: a code used twice at once opens one check.
        const { count } = await tx.recoveryCode.updateMany({ where: { userId: user.userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
        if (count !== 1) return { ok: false, reason: "recovery_used" };
      } else {
        const check = checkTotp(secret, code, factor.lastUsedStep === null ? null : Number(factor.lastUsedStep), now);
        if (!check.ok) return check;
        // Conditional on the step read: two requests with the same code at once, one passes.
        const { count } = await tx.totpFactor.updateMany({
          where: { userId: user.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(check.step) } }] },
          data: { lastUsedStep: BigInt(check.step) },
        });
        if (count !== 1) return { ok: false, reason: "replayed" };
      }
      const kind = recovery ? "recovery_code" : "totp";
      await markSecondFactorPassed(tx, sessionId, now);
      await recordEvent(tx, { name: "user.second_factor_passed", actor: userActor(user.userId), subjectId: user.userId, request, payload: { kind, purpose } });
      return { ok: true, kind };
    }),
  );
  if (!outcome.ok) {
    await recordFailure(user.userId, outcome.reason === "replayed" ? "replayed" : "wrong", request);
    const message = outcome.reason === "replayed" ? SECOND_FACTOR_MESSAGES.replayed : outcome.reason === "recovery_used" ? SECOND_FACTOR_MESSAGES.recoveryUsed : SECOND_FACTOR_MESSAGES.wrong;
    throw new AppError("VALIDATION", message, { code: message });
  }
  return { kind: outcome.kind };
}

/** New recovery codes, the old ones dead at once; a sensitive act (fresh check). Returned once, to be shown once. */
export async function regenerateRecoveryCodes(user: { userId: string }, secondFactorAt: Date | null, request: RequestContext, now: Date = new Date()): Promise<string[]> {
  requireFreshSecondFactor(secondFactorAt, now);
  return db().$transaction(async (tx) => {
    const factor = await tx.totpFactor.findUnique({ where: { userId: user.userId }, select: { confirmedAt: true } });
    if (!factor?.confirmedAt) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noFactor);
    const codes = await replaceRecoveryCodes(tx, user.userId, now);
    await recordEvent(tx, { name: "user.recovery_codes_regenerated", actor: userActor(user.userId), subjectId: user.userId, request, payload: {} });
    return codes;
  });
}

/**
 * The account's own authenticator app removed, its recovery codes with it; a sensitive act (fresh check). Refused
 * while the account must keep a factor (ANS roles, an organisation's requirement) and this one is its last.
 */
export async function removeOwnTotpFactor(user: { userId: string }, secondFactorAt: Date | null, request: RequestContext, now: Date = new Date()): Promise<void> {
  requireFreshSecondFactor(secondFactorAt, now);
  await db().$transaction(async (tx) => {
    // The account's row locked (as a passkey's removal does): the app and the last passkey removed at once cannot
    // both pass the last-factor rule; a removal racing a confirmation runs after it.
    await lockFactorsOf(tx, user.userId);
    const locked = await tx.$queryRaw<{ confirmedAt: Date | null }[]>`SELECT "confirmedAt" FROM "TotpFactor" WHERE "userId" = ${user.userId}::uuid FOR UPDATE`;
    if (!locked[0]?.confirmedAt) throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.noFactor);
    const standing = await secondFactorStanding({ id: user.userId }, tx);
    if (standing) refuseLastFactor(lastFactorRefusal(standing.requiredBy, standing.factors, "totp"));
    await tx.totpFactor.delete({ where: { userId: user.userId } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.userId } });
    await recordEvent(tx, { name: "user.second_factor_removed", actor: userActor(user.userId), subjectId: user.userId, request, payload: { kind: "totp" } });
  });
}

/** Serialises the changes of one account's set of factors (removals), whatever their kind. */
export async function lockFactorsOf(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
}

/** The French 409 of a removal that would leave an account that must keep a factor without one. */
export function refuseLastFactor(refusal: "ans_role" | "organization" | null): void {
  if (refusal === "ans_role") throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.lastForAnsRole);
  if (refusal === "organization") throw new AppError("CONFLICT", SECOND_FACTOR_MESSAGES.lastForOrganization);
}
