import "server-only";
// ProConnect sign-in (ADR 0044), driven with openid-client: authorization code flow with state, nonce and PKCE (S256);
// the ID token's signature and claims (iss, aud, exp, iat, nonce) checked by openid-client against the provider's
// published keys; the user info read (a signed JWT at ProConnect) for e-mail, names and SIRET; the acr checked for ANS
// accounts; RP-initiated logout with id_token_hint. Each sign-in under way is a ProConnectAttempt row, used once.
import { randomBytes } from "node:crypto";
import * as client from "openid-client";
import { ANONYMOUS, userActor } from "../events/actor";
import { recordEvent } from "../events/record.server";
import { db, type Tx } from "../db.server";
import { env } from "../env.server";
import { logger } from "../observability/logger";
import type { RequestContext } from "../request.server";
import { checkCurrentPassword, type AuthenticateOptions } from "./authenticate.server";
import type { PlatformRole } from "./permissions";
import {
  acrAllowsSignIn,
  PROCONNECT_ATTEMPT_SECONDS,
  PROCONNECT_SCOPES,
  proConnectConfig,
  proConnectSatisfiesSecondFactor,
  readProConnectClaims,
  storedClaimsSchema,
  type ProConnectClaims,
  type ProConnectConfig,
  type ProConnectFailure,
} from "./proconnect";
import { markSecondFactorPassed, openSession } from "./sessions.server";

/** The cookie that ties a sign-in under way to this browser: it holds the attempt's id, nothing else. */
export const PROCONNECT_COOKIE = "proconnect_attempt";
export const PROCONNECT_CALLBACK_PATH = "/api/proconnect/retour";

export class ProConnectError extends Error {
  constructor(readonly reason: ProConnectFailure) {
    super(reason);
    this.name = "ProConnectError";
  }
}

export type ProConnectOptions = {
  now?: Date;
  /** The configuration; the environment's by default. Integration tests pass their provider's. */
  config?: ProConnectConfig;
  /** Test-only: shifts openid-client's clock (seconds), to present a token as expired. */
  clockSkewSeconds?: number;
};

/** The configuration from the environment, or null when ProConnect is off. */
export function configuredProConnect(): ProConnectConfig | null {
  return proConnectConfig(env());
}

function requireConfig(options: ProConnectOptions): ProConnectConfig {
  const config = options.config ?? configuredProConnect();
  if (!config) throw new ProConnectError("not_configured");
  return config;
}

const DISCOVERY_SECONDS = 10 * 60;
const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

function isLoopbackHttp(issuer: string): boolean {
  return new URL(issuer).protocol === "http:";
}

/** The provider's metadata and keys (openid-client fetches the JWKS itself, and again when a new key id appears). */
async function providerConfiguration(config: ProConnectConfig, clockSkewSeconds = 0): Promise<client.Configuration> {
  const key = `${config.issuer}\n${config.clientId}\n${clockSkewSeconds}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_SECONDS * 1000) return cached.configuration;
  const configuration = client.discovery(
    new URL(config.issuer),
    config.clientId,
    {
      client_secret: config.clientSecret,
      id_token_signed_response_alg: "RS256",
      userinfo_signed_response_alg: "RS256",
      ...(clockSkewSeconds ? { [client.clockSkew]: clockSkewSeconds } : {}),
    },
    client.ClientSecretPost(config.clientSecret),
    // lib/env.ts allows http:// only for a loopback issuer (the tests' provider).
    // Non-repudiation checks: the ID token's and the user info's signatures are verified against the provider's keys
    // (openid-client would otherwise trust an ID token for coming straight from the token endpoint over TLS).
    {
      timeout: 10,
      execute: [client.enableNonRepudiationChecks, ...(isLoopbackHttp(config.issuer) ? [client.allowInsecureRequests] : [])],
    },
  );
  discovered.set(key, { at: Date.now(), configuration });
  // A failed discovery is not kept: the next sign-in tries again.
  configuration.catch(() => discovered.delete(key));
  return configuration;
}

function isNetworkFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR_\w+|ABORT_ERR|OAUTH_TIMEOUT|23)$/.test(code)) return true;
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return true;
    if (e instanceof client.ResponseBodyError && e.status >= 500) return true;
  }
  return false;
}

function classify(error: unknown): ProConnectFailure {
  if (error instanceof ProConnectError) return error.reason;
  if (isNetworkFailure(error)) return "provider_unavailable";
  if (error instanceof client.AuthorizationResponseError) return "provider_error";
  if ((error as { code?: unknown }).code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return "expired_token";
  const text = `${(error as { code?: unknown }).code ?? ""} ${(error as Error)?.message ?? ""}`;
  if (/state/i.test(text)) return "state_mismatch";
  return "invalid_token";
}

function portalPath(returnTo: string | null | undefined): string {
  return returnTo ?? "/espace";
}

/** Starts a sign-in: stores the attempt (state, nonce, PKCE verifier) and answers the provider's authorization URL. */
export async function beginProConnect(
  input: { redirectUri: string; returnTo?: string | null },
  options: ProConnectOptions = {},
): Promise<{ attemptId: string; url: string }> {
  const config = requireConfig(options);
  const now = options.now ?? new Date();
  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(config, options.clockSkewSeconds);
  } catch (error) {
    logger().warn({ error }, "ProConnect : découverte impossible");
    throw new ProConnectError("provider_unavailable");
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const attempt = await db().proConnectAttempt.create({
    data: {
      state,
      nonce,
      codeVerifier,
      returnTo: input.returnTo ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PROCONNECT_ATTEMPT_SECONDS * 1000),
    },
    select: { id: true },
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: input.redirectUri,
    scope: PROCONNECT_SCOPES,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ...(config.acrValues.length > 0 ? { acr_values: config.acrValues.join(" ") } : {}),
  });
  return { attemptId: attempt.id, url: url.href };
}

export type ProConnectOutcome =
  | { kind: "signed_in"; userId: string; sessionId: string; returnTo: string }
  /** A verified account has this e-mail: the person confirms with its password to link it. */
  | { kind: "link"; attemptId: string }
  /** No account: the sign-up form, prefilled from the claims. */
  | { kind: "sign_up"; attemptId: string };

type SessionMarks = { idToken: string; secondFactor: boolean };

async function openProConnectSession(
  tx: Tx,
  user: { id: string; roles: PlatformRole[] },
  claims: ProConnectClaims,
  marks: SessionMarks,
  request: RequestContext,
  now: Date,
): Promise<string> {
  const sessionId = await openSession(tx, user, request, now);
  await tx.session.update({ where: { id: sessionId }, data: { proConnectIdToken: marks.idToken, secondFactorByProConnect: marks.secondFactor } });
  // ProConnect's acr vouched for a second factor: the session has passed it, now (issue 19).
  if (marks.secondFactor) await markSecondFactorPassed(tx, sessionId, now);
  await recordEvent(tx, {
    name: "user.proconnect_signed_in",
    actor: userActor(user.id),
    subjectId: user.id,
    request,
    payload: { acr: claims.acr, secondFactor: marks.secondFactor },
  });
  return sessionId;
}

/** Stores the SIRET the provider sent, and when; an event when it is seen (issue 22 reads it). */
async function noteSiret(tx: Tx, userId: string, claims: ProConnectClaims, request: RequestContext, now: Date): Promise<void> {
  if (!claims.siret) return;
  await tx.user.update({ where: { id: userId }, data: { proConnectSiret: claims.siret, proConnectSiretSeenAt: now } });
  await recordEvent(tx, { name: "user.proconnect_siret_seen", actor: userActor(userId), subjectId: userId, request, payload: { siret: claims.siret } });
}

async function recordRefusal(reason: ProConnectFailure, userId: string | null, email: string | null, request: RequestContext): Promise<void> {
  await db().$transaction((tx) =>
    recordEvent(tx, {
      name: "user.proconnect_refused",
      actor: userId ? userActor(userId) : ANONYMOUS,
      subjectId: userId ?? undefined,
      request,
      payload: { reason },
      personal: email ? { email } : {},
    }),
  );
}

/**
 * The callback: checks the attempt of this browser, uses it once, exchanges the code (PKCE) and checks the ID token,
 * reads the user info, then signs in the linked account or keeps the claims for a link or a sign-up. Throws a
 * ProConnectError with the reason; nothing is created then.
 */
export async function finishProConnect(
  input: { attemptId: string | undefined; currentUrl: URL; redirectUri: string },
  request: RequestContext,
  options: ProConnectOptions = {},
): Promise<ProConnectOutcome> {
  const config = requireConfig(options);
  const now = options.now ?? new Date();
  const attemptId = input.attemptId && /^[0-9a-f-]{36}$/i.test(input.attemptId) ? input.attemptId : null;
  const attempt = attemptId ? await db().proConnectAttempt.findUnique({ where: { id: attemptId } }) : null;
  if (!attempt || attempt.expiresAt <= now) throw new ProConnectError("unknown_attempt");
  const params = input.currentUrl.searchParams;
  if (attempt.callbackAt) throw new ProConnectError("replayed");
  if (params.get("state") !== attempt.state) throw new ProConnectError("state_mismatch");
  // Used once, whatever comes next: of two callbacks with this state and nonce, one goes on.
  const { count } = await db().proConnectAttempt.updateMany({ where: { id: attempt.id, callbackAt: null }, data: { callbackAt: now } });
  if (count !== 1) throw new ProConnectError("replayed");

  let claims: ProConnectClaims;
  let idToken: string;
  try {
    const configuration = await providerConfiguration(config, options.clockSkewSeconds);
    // The redirect URI the code was issued for (this request may have reached us through a proxy).
    const callbackUrl = new URL(input.redirectUri);
    callbackUrl.search = input.currentUrl.search;
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new ProConnectError("invalid_token");
    idToken = tokens.id_token;
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    const reading = readProConnectClaims(userInfo, idClaims.acr);
    if (!reading.ok) {
      const email = typeof userInfo.email === "string" ? userInfo.email.toLowerCase() : null;
      await recordRefusal(reading.reason, null, email, request);
      throw new ProConnectError(reading.reason);
    }
    claims = reading.claims;
  } catch (error) {
    const reason = classify(error);
    if (!(error instanceof ProConnectError)) logger().warn({ error, reason }, "ProConnect : connexion refusée");
    throw new ProConnectError(reason);
  }

  const accountFields = { id: true, status: true, roles: true, emailVerifiedAt: true, proConnectSubject: true } as const;
  const linked = await db().user.findUnique({ where: { proConnectSubject: claims.sub }, select: accountFields });
  const candidate = linked ?? (await db().user.findUnique({ where: { email: claims.email }, select: accountFields }));
  if (candidate && candidate.status !== "ACTIVE") {
    await recordRefusal("account_unavailable", candidate.id, claims.email, request);
    throw new ProConnectError("account_unavailable");
  }
  if (candidate && !acrAllowsSignIn(claims, config, candidate)) {
    await recordRefusal("acr_too_low", candidate.id, claims.email, request);
    throw new ProConnectError("acr_too_low");
  }

  if (linked) {
    const user = { id: linked.id, roles: linked.roles as PlatformRole[] };
    const sessionId = await db().$transaction(async (tx) => {
      await tx.proConnectAttempt.update({ where: { id: attempt.id }, data: { completedAt: now } });
      await noteSiret(tx, user.id, claims, request, now);
      const secondFactor = proConnectSatisfiesSecondFactor(claims, config, user);
      return openProConnectSession(tx, user, claims, { idToken, secondFactor }, request, now);
    });
    return { kind: "signed_in", userId: user.id, sessionId, returnTo: portalPath(attempt.returnTo) };
  }
  await db().proConnectAttempt.update({ where: { id: attempt.id }, data: { claims, idToken } });
  // An account with this address links after its password; one linked to another ProConnect identity, or whose
  // address nobody proved, is not offered: the person signs up or signs in with the password (the sign-up answers as
  // it does for any taken address, ADR 0020).
  if (candidate?.emailVerifiedAt && !candidate.proConnectSubject) return { kind: "link", attemptId: attempt.id };
  return { kind: "sign_up", attemptId: attempt.id };
}

export type PendingProConnect = { attemptId: string; claims: ProConnectClaims; returnTo: string | null };

/** The claims of a first sign-in waiting for a link or a sign-up, for this browser's attempt; null when none holds. */
export async function pendingProConnect(attemptId: string | undefined, now: Date = new Date()): Promise<PendingProConnect | null> {
  if (!attemptId || !/^[0-9a-f-]{36}$/i.test(attemptId)) return null;
  const attempt = await db().proConnectAttempt.findUnique({ where: { id: attemptId } });
  if (!attempt || attempt.completedAt || attempt.expiresAt <= now || !attempt.claims) return null;
  const claims = storedClaimsSchema.safeParse(attempt.claims);
  return claims.success ? { attemptId: attempt.id, claims: claims.data, returnTo: attempt.returnTo } : null;
}

export type LinkResult =
  | { ok: true; userId: string; sessionId: string; returnTo: string }
  | { ok: false; reason: "expired" | "wrong_password" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/**
 * A first sign-in whose e-mail has an account: the person types that account's password; it is checked under the
 * sign-in limits, then the account is linked to the ProConnect identity and a session opens, in one transaction.
 */
export async function linkProConnectWithPassword(
  attemptId: string | undefined,
  password: string,
  request: RequestContext,
  options: ProConnectOptions & Pick<AuthenticateOptions, "limits"> = {},
): Promise<LinkResult> {
  const now = options.now ?? new Date();
  const config = options.config ?? configuredProConnect();
  const pending = await pendingProConnect(attemptId, now);
  if (!pending || !config) return { ok: false, reason: "expired" };
  const { claims } = pending;
  const user = await db().user.findUnique({
    where: { email: claims.email },
    select: { id: true, email: true, passwordHash: true, status: true, roles: true, emailVerifiedAt: true, proConnectSubject: true },
  });
  if (!user || user.status !== "ACTIVE" || !user.emailVerifiedAt || user.proConnectSubject) return { ok: false, reason: "unavailable" };
  const check = await checkCurrentPassword(user, password, request, { now, limits: options.limits });
  if (!check.ok) return check.reason === "rate_limited" ? { ok: false, reason: "rate_limited", retryAfterSeconds: check.retryAfterSeconds } : { ok: false, reason: "wrong_password" };
  const roles = user.roles as PlatformRole[];
  return db().$transaction(async (tx): Promise<LinkResult> => {
    const { count } = await tx.proConnectAttempt.updateMany({ where: { id: pending.attemptId, completedAt: null }, data: { completedAt: now } });
    if (count !== 1) return { ok: false, reason: "expired" };
    const taken = await tx.user.findUnique({ where: { proConnectSubject: claims.sub }, select: { id: true } });
    const { count: linked } = await tx.user.updateMany({ where: { id: user.id, proConnectSubject: null }, data: { proConnectSubject: claims.sub } });
    if (taken || linked !== 1) return { ok: false, reason: "unavailable" };
    await recordEvent(tx, { name: "user.proconnect_linked", actor: userActor(user.id), subjectId: user.id, request, payload: { via: "password" } });
    await noteSiret(tx, user.id, claims, request, now);
    const attempt = await tx.proConnectAttempt.findUniqueOrThrow({ where: { id: pending.attemptId }, select: { idToken: true } });
    const secondFactor = proConnectSatisfiesSecondFactor(claims, config, { roles });
    const sessionId = await openProConnectSession(tx, { id: user.id, roles }, claims, { idToken: attempt.idToken ?? "", secondFactor }, request, now);
    return { ok: true, userId: user.id, sessionId, returnTo: portalPath(pending.returnTo) };
  });
}

/**
 * Called in the sign-up's transaction when the sign-up came from a ProConnect first sign-in with the same address:
 * the new account is linked to that identity and its SIRET kept. Returns false (nothing done) otherwise.
 */
export async function linkProConnectAtSignUp(
  tx: Tx,
  attemptId: string | undefined,
  user: { id: string; email: string },
  request: RequestContext,
  now: Date,
): Promise<boolean> {
  const pending = await pendingProConnect(attemptId, now);
  if (!pending || pending.claims.email !== user.email.toLowerCase()) return false;
  const { count } = await tx.proConnectAttempt.updateMany({ where: { id: pending.attemptId, completedAt: null }, data: { completedAt: now } });
  if (count !== 1) return false;
  if (await tx.user.findUnique({ where: { proConnectSubject: pending.claims.sub }, select: { id: true } })) return false;
  await tx.user.update({ where: { id: user.id }, data: { proConnectSubject: pending.claims.sub } });
  await recordEvent(tx, { name: "user.proconnect_linked", actor: userActor(user.id), subjectId: user.id, request, payload: { via: "sign_up" } });
  await noteSiret(tx, user.id, pending.claims, request, now);
  return true;
}

/**
 * Where sign-out sends the browser: the provider's end_session_endpoint with the session's ID token as id_token_hint
 * when the session came from ProConnect (RP-initiated logout), the portal's page otherwise. Never fails: a provider
 * that cannot be reached leaves the person signed out of the portal.
 */
export async function signOutDestination(sessionId: string | null, postLogoutRedirectUri: string, options: ProConnectOptions = {}): Promise<string | null> {
  const config = options.config ?? configuredProConnect();
  if (!config || !sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db().session.findUnique({ where: { id: sessionId }, select: { proConnectIdToken: true } });
  if (!session?.proConnectIdToken) return null;
  try {
    const configuration = await providerConfiguration(config);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: session.proConnectIdToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
      state: randomBytes(16).toString("base64url"),
    }).href;
  } catch (error) {
    logger().warn({ error }, "ProConnect : déconnexion auprès du fournisseur impossible");
    return null;
  }
}

// Between the callback's checks and next-auth's credentials provider, within one request of one process: a random,
// single-use ticket that stands for the session just opened, so next-auth's cookie carries it (ADR 0044).
const tickets = new Map<string, { userId: string; sessionId: string; at: number }>();

export function issueSessionTicket(session: { userId: string; sessionId: string }): string {
  const ticket = randomBytes(32).toString("base64url");
  tickets.set(ticket, { ...session, at: Date.now() });
  return ticket;
}

export function takeSessionTicket(ticket: unknown): { userId: string; sessionId: string } | null {
  if (typeof ticket !== "string") return null;
  const entry = tickets.get(ticket);
  tickets.delete(ticket);
  for (const [key, value] of tickets) if (Date.now() - value.at > 60_000) tickets.delete(key);
  return entry && Date.now() - entry.at <= 60_000 ? { userId: entry.userId, sessionId: entry.sessionId } : null;
}
