import "server-only";
// Passkeys (WebAuthn) as a second factor (issue 19, ADR 0060), with @simplewebauthn/server. A ceremony's challenge is
// kept per session and purpose, used once (deleted by the check that reads it) and refused after five minutes; a
// check runs under the sign-in limits like a code; a refused check writes nothing but its attempt and its event.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { headers } from "next/headers";
import { z } from "zod";
import { markSecondFactorPassed } from "../auth/sessions.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { AppError } from "../errors";
import { userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { Prisma } from "../generated/prisma/client";
import { logger } from "../observability/logger";
import { portalOrigin, type RequestContext } from "../request.server";
import {
  authenticationResponseSchema,
  CHALLENGE_SECONDS,
  challengeExpiresAt,
  challengeUsable,
  knownTransports,
  MAX_PASSKEYS,
  PASSKEY_ALGORITHMS,
  passkeyNameSchema,
  registrationResponseSchema,
  relyingParty,
  type RelyingParty,
} from "./passkey-rules";
import { lastFactorRefusal } from "./policy";
import { secondFactorStanding } from "./requirement.server";
import { lockFactorsOf, recordFailure, refuseLastFactor, requireFreshSecondFactor, underLimits, type Limited } from "./second-factor.server";

export const PASSKEY_MESSAGES = {
  noPasskey: "Aucune clé d'accès n'est enregistrée sur ce compte.",
  noChallenge: "La demande a expiré ou a déjà servi : recommencez.",
  refused: "Cette clé d'accès n'est pas acceptée. Réessayez avec une clé enregistrée sur votre compte, ou utilisez un code.",
  unreadable: "La réponse de la clé d'accès est illisible : rien n'a été enregistré. Réessayez.",
  registrationRefused: "La clé d'accès n'a pas pu être vérifiée : rien n'a été enregistré. Réessayez.",
  alreadyRegistered: "Cette clé d'accès est déjà enregistrée.",
  notFound: "Cette clé d'accès n'existe pas ou a déjà été retirée.",
  tooMany: `Vous avez déjà ${MAX_PASSKEYS} clés d'accès : retirez-en une avant d'en ajouter une autre.`,
  noSession: "Votre session a expiré. Reconnectez-vous, puis recommencez.",
} as const;

type Options = { now?: Date; rp?: RelyingParty };
type Purpose = "REGISTRATION" | "AUTHENTICATION";

/** AUTH_URL's relying party; without AUTH_URL (a local run), this request's own origin. */
export async function currentRelyingParty(): Promise<RelyingParty> {
  return relyingParty(env().AUTH_URL, portalOrigin(await headers()));
}

const rpOf = async (options: Options) => options.rp ?? (await currentRelyingParty());

/** Which parts of a browser's answer did not fit (paths and rules only, never the values): a new browser's shape shows here. */
function unreadable(error: z.ZodError): AppError {
  logger().warn({ issues: error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), code: i.code })) }, "réponse de clé d'accès refusée par son schéma");
  return new AppError("VALIDATION", PASSKEY_MESSAGES.unreadable);
}

function requireSession(sessionId: string | null): string {
  if (!sessionId) throw new AppError("UNAUTHENTICATED", PASSKEY_MESSAGES.noSession);
  return sessionId;
}

/** A new ceremony of this session replaces the one under way (a reloaded page, a second click). */
async function storeChallenge(sessionId: string, userId: string, purpose: Purpose, challenge: string, now: Date): Promise<void> {
  const expiresAt = challengeExpiresAt(now);
  await db().webAuthnChallenge.upsert({
    where: { sessionId_purpose: { sessionId, purpose } },
    create: { sessionId, purpose, userId, challenge, expiresAt, createdAt: now },
    update: { userId, challenge, expiresAt, createdAt: now },
  });
}

/** The session's challenge, deleted as it is read: of two checks at once, one gets it. Null when none or expired. */
async function takeChallenge(sessionId: string, userId: string, purpose: Purpose, now: Date): Promise<string | null> {
  const rows = await db().$queryRaw<{ challenge: string; expiresAt: Date }[]>`
    DELETE FROM "WebAuthnChallenge"
    WHERE "sessionId" = ${sessionId}::uuid AND "purpose" = ${purpose}::"WebAuthnPurpose" AND "userId" = ${userId}::uuid
    RETURNING "challenge", "expiresAt"`;
  const row = rows[0];
  return row && challengeUsable(row, now) ? row.challenge : null;
}

export type PasskeyListItem = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export async function listPasskeys(userId: string): Promise<PasskeyListItem[]> {
  return db().passkey.findMany({ where: { userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/**
 * The options of a new passkey's creation, for the browser. An account that already has a factor must have passed a
 * check in the last ten minutes (a stolen session does not add its own key); one without (the enrolment gate, or a
 * first factor from /compte) need not.
 */
export async function beginPasskeyRegistration(
  user: { userId: string; email: string; name: string },
  sessionId: string | null,
  secondFactorAt: Date | null,
  options: Options = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const session = requireSession(sessionId);
  const now = options.now ?? new Date();
  const standing = await secondFactorStanding({ id: user.userId });
  if (!standing) throw new AppError("UNAUTHENTICATED", PASSKEY_MESSAGES.noSession);
  if (standing.enrolled) requireFreshSecondFactor(secondFactorAt, now);
  const existing = await db().passkey.findMany({ where: { userId: user.userId }, select: { credentialId: true, transports: true } });
  if (existing.length >= MAX_PASSKEYS) throw new AppError("CONFLICT", PASSKEY_MESSAGES.tooMany);
  const rp = await rpOf(options);
  const creation = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    // The account id, never the address: the authenticator keeps it.
    userID: new TextEncoder().encode(user.userId),
    attestationType: "none",
    supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    timeout: CHALLENGE_SECONDS * 1000,
    // A key already on the account is not registered twice (the browser says so).
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(session, user.userId, "REGISTRATION", creation.challenge, now);
  return creation;
}

const registrationInput = z.object({ name: z.unknown(), response: z.unknown() });

/**
 * The browser's new passkey, checked against the session's challenge (used once) and the relying party, then stored
 * under its holder's name. Registering proves possession: the session counts as having passed its second factor.
 */
export async function finishPasskeyRegistration(
  user: { userId: string },
  sessionId: string | null,
  secondFactorAt: Date | null,
  raw: unknown,
  request: RequestContext,
  options: Options = {},
): Promise<{ passkeyId: string; name: string }> {
  const session = requireSession(sessionId);
  const now = options.now ?? new Date();
  const input = registrationInput.safeParse(raw);
  const name = passkeyNameSchema.safeParse(input.success ? input.data.name : undefined);
  if (!name.success) {
    const message = name.error.issues[0]?.message ?? "Donnez un nom à cette clé d'accès.";
    throw new AppError("VALIDATION", message, { name: message });
  }
  const response = registrationResponseSchema.safeParse(input.success ? input.data.response : undefined);
  if (!response.success) throw unreadable(response.error);
  const standing = await secondFactorStanding({ id: user.userId });
  if (!standing) throw new AppError("UNAUTHENTICATED", PASSKEY_MESSAGES.noSession);
  if (standing.enrolled) requireFreshSecondFactor(secondFactorAt, now);

  const challenge = await takeChallenge(session, user.userId, "REGISTRATION", now);
  if (!challenge) throw new AppError("CONFLICT", PASSKEY_MESSAGES.noChallenge);
  const rp = await rpOf(options);
  let credential;
  try {
    const verified = await verifyRegistrationResponse({
      response: response.data as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    });
    if (!verified.verified) throw new Error("not verified");
    credential = verified.registrationInfo.credential;
  } catch {
    throw new AppError("VALIDATION", PASSKEY_MESSAGES.registrationRefused);
  }

  try {
    return await db().$transaction(async (tx) => {
      await lockFactorsOf(tx, user.userId);
      if ((await tx.passkey.count({ where: { userId: user.userId } })) >= MAX_PASSKEYS) throw new AppError("CONFLICT", PASSKEY_MESSAGES.tooMany);
      const passkey = await tx.passkey.create({
        data: {
          userId: user.userId,
          name: name.data,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: knownTransports(response.data.response.transports),
          createdAt: now,
        },
        select: { id: true },
      });
      await markSecondFactorPassed(tx, session, now);
      await recordEvent(tx, { name: "user.passkey_added", actor: userActor(user.userId), subjectId: user.userId, request, payload: { passkeyId: passkey.id }, personal: { name: name.data } });
      return { passkeyId: passkey.id, name: name.data };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", PASSKEY_MESSAGES.alreadyRegistered);
    throw error;
  }
}

/** The options of a check by passkey (the sign-in step, a step-up), listing the account's own passkeys only. */
export async function beginPasskeyAuthentication(user: { userId: string }, sessionId: string | null, options: Options = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const session = requireSession(sessionId);
  const now = options.now ?? new Date();
  const passkeys = await db().passkey.findMany({ where: { userId: user.userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) throw new AppError("CONFLICT", PASSKEY_MESSAGES.noPasskey);
  const rp = await rpOf(options);
  const request = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    userVerification: "preferred",
    timeout: CHALLENGE_SECONDS * 1000,
  });
  await storeChallenge(session, user.userId, "AUTHENTICATION", request.challenge, now);
  return request;
}

/**
 * A second-factor check by passkey: the session's challenge (once), one of the account's own passkeys (another
 * person's is unknown here), its signature, and a counter that moved forward (updated conditionally: the same
 * assertion twice at once passes once). On success the session's `secondFactorAt` is now.
 */
export async function verifyPasskey(
  user: { userId: string },
  sessionId: string | null,
  raw: unknown,
  purpose: "sign_in" | "step_up",
  request: RequestContext,
  options: Limited & Options = {},
): Promise<void> {
  const session = requireSession(sessionId);
  const parsed = authenticationResponseSchema.safeParse(raw);
  if (!parsed.success) throw unreadable(parsed.error);
  const response = parsed.data;
  const rp = await rpOf(options);

  type Outcome = { ok: true } | { ok: false; reason: "no_challenge" | "refused" };
  const outcome = await underLimits<Outcome>(user.userId, request, options, async (now) => {
    const challenge = await takeChallenge(session, user.userId, "AUTHENTICATION", now);
    if (!challenge) return { ok: false, reason: "no_challenge" };
    const passkey = await db().passkey.findFirst({ where: { credentialId: response.id, userId: user.userId } });
    if (!passkey) return { ok: false, reason: "refused" };
    let newCounter: number;
    try {
      const verified = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
        // The password came first: presence is the second factor, verification by the device is welcome, not required.
        requireUserVerification: false,
      });
      if (!verified.verified) return { ok: false, reason: "refused" };
      newCounter = verified.authenticationInfo.newCounter;
    } catch {
      // A bad signature, another origin or rp id, or a counter that went back (a cloned key): refused alike.
      return { ok: false, reason: "refused" };
    }
    return db().$transaction(async (tx): Promise<Outcome> => {
      // Conditional on the counter read: of two uses at once, one passes.
      const { count } = await tx.passkey.updateMany({ where: { id: passkey.id, counter: passkey.counter }, data: { counter: BigInt(newCounter), lastUsedAt: now } });
      if (count !== 1) return { ok: false, reason: "refused" };
      await markSecondFactorPassed(tx, session, now);
      await recordEvent(tx, { name: "user.second_factor_passed", actor: userActor(user.userId), subjectId: user.userId, request, payload: { kind: "passkey", purpose } });
      return { ok: true };
    });
  });
  if (!outcome.ok) {
    await recordFailure(user.userId, "passkey_refused", request);
    throw new AppError("VALIDATION", outcome.reason === "no_challenge" ? PASSKEY_MESSAGES.noChallenge : PASSKEY_MESSAGES.refused);
  }
}

const removalInput = z.object({ passkeyId: z.uuid() });

/**
 * One of the account's own passkeys removed; a sensitive act (fresh check). Refused while the account must keep a
 * factor and this one is its last. Another person's passkey reads as not found: nothing says it exists.
 */
export async function removeOwnPasskey(user: { userId: string }, secondFactorAt: Date | null, raw: unknown, request: RequestContext, now: Date = new Date()): Promise<{ name: string }> {
  const parsed = removalInput.safeParse(raw);
  if (!parsed.success) throw new AppError("NOT_FOUND", PASSKEY_MESSAGES.notFound);
  requireFreshSecondFactor(secondFactorAt, now);
  return db().$transaction(async (tx) => {
    // Locked: two removals at once (this passkey and the app, or two passkeys) see each other's result.
    await lockFactorsOf(tx, user.userId);
    const passkey = await tx.passkey.findFirst({ where: { id: parsed.data.passkeyId, userId: user.userId }, select: { id: true, name: true } });
    if (!passkey) throw new AppError("NOT_FOUND", PASSKEY_MESSAGES.notFound);
    const standing = await secondFactorStanding({ id: user.userId }, tx);
    if (standing) refuseLastFactor(lastFactorRefusal(standing.requiredBy, standing.factors, "passkey"));
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordEvent(tx, { name: "user.passkey_removed", actor: userActor(user.userId), subjectId: user.userId, request, payload: { passkeyId: passkey.id }, personal: { name: passkey.name } });
    return { name: passkey.name };
  });
}
