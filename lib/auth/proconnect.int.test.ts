import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { loginAtTestProvider, startTestProvider, type TestProvider } from "../testing/oidc-provider";
import { hashPassword } from "./password.server";
import type { ProConnectConfig } from "./proconnect";
import {
  beginProConnect,
  finishProConnect,
  linkProConnectWithPassword,
  ProConnectError,
  signOutDestination,
  type ProConnectOptions,
} from "./proconnect.server";
import { SIGN_IN_LIMITS } from "./sign-in-limit";

// Against a real OpenID provider (oidc-provider on loopback), over real HTTP, with real signed tokens (ADR 0044).
const PORTAL = "http://localhost:3999";
const redirectUri = `${PORTAL}/api/proconnect/retour`;
const request = { ip: "203.0.113.20", userAgent: "vitest" };
const password = "mot de passe du compte lié";

let provider: TestProvider;
let config: ProConnectConfig;
let options: ProConnectOptions;

beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [`${PORTAL}/connexion?deconnecte=1`],
    accounts: {
      "agent-mfa": { email: "agent.mfa@ans.example", given_name: "Alix", usual_name: "Martin", siret: "90123456700013", acr: "eidas2" },
      "agent-simple": { email: "agent.simple@ans.example", given_name: "Noé", usual_name: "Petit", siret: "90123456700013", acr: "eidas1" },
      "sans-siret": { email: "sans.siret@exemple.fr", given_name: "Sam", usual_name: "Roux", siret: null },
    },
  });
  config = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, acrValues: ["eidas2", "eidas3"] };
  options = { config };
  const passwordHash = await hashPassword(password);
  const verified = new Date();
  await db().user.createMany({
    data: [
      { email: "agent.mfa@ans.example", name: "Alix Martin", passwordHash, roles: ["ANS_REVIEWER"], emailVerifiedAt: verified },
      { email: "agent.simple@ans.example", name: "Noé Petit", passwordHash, roles: ["ANS_REVIEWER"], emailVerifiedAt: verified },
      { email: "existant@exemple.fr", name: "Ex Istant", passwordHash, roles: ["EDITOR"], emailVerifiedAt: verified },
    ],
  });
});

afterAll(async () => {
  await provider?.close();
});

/** One sign-in to the callback: the portal's start, the provider's login page, and the URL it sends back. */
async function throughProvider(login: string, opts: ProConnectOptions = options) {
  const { attemptId, url } = await beginProConnect({ redirectUri, returnTo: "/editeur" }, opts);
  const callback = await loginAtTestProvider(url, login, PORTAL);
  return { attemptId, callback };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProConnectError) return error.reason;
    throw error;
  }
  return "no error";
}

const counts = async () => ({ users: await db().user.count(), sessions: await db().session.count() });

describe("ProConnect against a real OpenID provider", () => {
  it("asks for the code with state, nonce, PKCE (S256) and the configured acr values", async () => {
    const { url } = await beginProConnect({ redirectUri }, options);
    const params = new URL(url).searchParams;
    expect(params.get("scope")).toBe("openid email given_name usual_name siret");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("acr_values")).toBe("eidas2 eidas3");
    const attempt = await db().proConnectAttempt.findFirstOrThrow({ where: { state: params.get("state")! } });
    expect(attempt.nonce).toBe(params.get("nonce"));
  });

  it("first sign-in of an unknown address: keeps the checked claims for a prefilled sign-up, creates nothing", async () => {
    const before = await counts();
    const { attemptId, callback } = await throughProvider("nouvelle.personne@exemple.fr");
    const outcome = await finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options);
    expect(outcome).toEqual({ kind: "sign_up", attemptId });
    const attempt = await db().proConnectAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.claims).toMatchObject({ email: "nouvelle.personne@exemple.fr", givenName: "Camille", usualName: "Durand", siret: "90123456700013", acr: "eidas1" });
    expect(await counts()).toEqual(before);
  });

  it("first sign-in of an existing account links it after its password, then signs in directly, storing the siret", async () => {
    const first = await throughProvider("existant@exemple.fr");
    expect(await finishProConnect({ attemptId: first.attemptId, currentUrl: first.callback, redirectUri }, request, options)).toEqual({
      kind: "link",
      attemptId: first.attemptId,
    });
    const limits = { ...SIGN_IN_LIMITS };
    expect(await linkProConnectWithPassword(first.attemptId, "pas le bon", request, { ...options, limits })).toEqual({ ok: false, reason: "wrong_password" });
    const linked = await linkProConnectWithPassword(first.attemptId, password, request, { ...options, limits });
    expect(linked).toMatchObject({ ok: true, returnTo: "/editeur" });
    // The claims serve once.
    expect(await linkProConnectWithPassword(first.attemptId, password, request, { ...options, limits })).toEqual({ ok: false, reason: "expired" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "existant@exemple.fr" } });
    expect(user.proConnectSubject).toMatch(/^sub-/);
    expect(user.proConnectSiret).toBe("90123456700013");
    expect(user.proConnectSiretSeenAt).toBeInstanceOf(Date);
    const names = (await db().event.findMany({ where: { subjectId: user.id }, select: { name: true } })).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["user.proconnect_linked", "user.proconnect_siret_seen", "user.proconnect_signed_in"]));

    const second = await throughProvider("existant@exemple.fr");
    const outcome = await finishProConnect({ attemptId: second.attemptId, currentUrl: second.callback, redirectUri }, request, options);
    expect(outcome).toMatchObject({ kind: "signed_in", userId: user.id, returnTo: "/editeur" });
    if (outcome.kind !== "signed_in") return;
    const session = await db().session.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session.proConnectIdToken).toMatch(/^ey/);
    expect(session.secondFactorByProConnect).toBe(false);
    // RP-initiated logout: the provider's end_session_endpoint with the session's ID token.
    const logout = new URL((await signOutDestination(outcome.sessionId, `${PORTAL}/connexion?deconnecte=1`, options))!);
    expect(logout.origin).toBe(provider.issuer);
    expect(logout.searchParams.get("id_token_hint")).toBe(session.proConnectIdToken);
    expect(logout.searchParams.get("post_logout_redirect_uri")).toBe(`${PORTAL}/connexion?deconnecte=1`);
    const atProvider = await fetch(logout, { redirect: "manual" });
    expect(atProvider.status).toBe(200);
  });

  it("an ANS account at the configured acr counts as having passed its second factor", async () => {
    const first = await throughProvider("agent-mfa");
    await finishProConnect({ attemptId: first.attemptId, currentUrl: first.callback, redirectUri }, request, options);
    const linked = await linkProConnectWithPassword(first.attemptId, password, request, options);
    expect(linked.ok).toBe(true);
    if (!linked.ok) return;
    expect((await db().session.findUniqueOrThrow({ where: { id: linked.sessionId } })).secondFactorByProConnect).toBe(true);
  });

  it("refuses an ANS account whose acr is below the configured one, and opens nothing", async () => {
    const before = await counts();
    const { attemptId, callback } = await throughProvider("agent-simple");
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options))).toBe("acr_too_low");
    expect(await counts()).toEqual(before);
    expect(await db().event.count({ where: { name: "user.proconnect_refused" } })).toBeGreaterThan(0);
  });

  it("refuses a sign-in without a siret claim", async () => {
    const before = await counts();
    const { attemptId, callback } = await throughProvider("sans-siret");
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options))).toBe("missing_siret");
    expect(await counts()).toEqual(before);
  });

  it("refuses a wrong state, and a callback without this browser's attempt", async () => {
    const { attemptId, callback } = await throughProvider("etat@exemple.fr");
    const forged = new URL(callback);
    forged.searchParams.set("state", "un-autre-etat");
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: forged, redirectUri }, request, options))).toBe("state_mismatch");
    // Another browser (no cookie, or another attempt's) cannot use this response either.
    const other = await beginProConnect({ redirectUri }, options);
    expect(await reasonOf(finishProConnect({ attemptId: other.attemptId, currentUrl: callback, redirectUri }, request, options))).toBe("state_mismatch");
    expect(await reasonOf(finishProConnect({ attemptId: undefined, currentUrl: callback, redirectUri }, request, options))).toBe("unknown_attempt");
  });

  it("refuses a replayed response (the same state and nonce twice)", async () => {
    const { attemptId, callback } = await throughProvider("rejeu@exemple.fr");
    const first = finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options);
    const second = finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options);
    const reasons = await Promise.all([reasonOf(first), reasonOf(second)]);
    expect(reasons.sort()).toEqual(["no error", "replayed"]);
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options))).toBe("replayed");
  });

  it("refuses an ID token whose signature was altered", async () => {
    const before = await counts();
    const { attemptId, callback } = await throughProvider("existant@exemple.fr");
    provider.tamperNextIdToken();
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, options))).toBe("invalid_token");
    expect(await counts()).toEqual(before);
  });

  it("refuses an expired ID token", async () => {
    // The portal's clock two hours ahead of the provider's: the token (10 minutes) has expired.
    const late = { ...options, clockSkewSeconds: 2 * 3600 };
    const { attemptId, callback } = await throughProvider("existant@exemple.fr", late);
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, late))).toBe("expired_token");
  });

  it("says the provider is unavailable, in French, and creates nothing, when it does not answer", async () => {
    const before = await counts();
    const down = { config: { ...config, issuer: "http://127.0.0.1:9" } };
    expect(await reasonOf(beginProConnect({ redirectUri }, down))).toBe("provider_unavailable");
    // Down between the login and the callback: the code cannot be exchanged.
    const spare = await startTestProvider({ redirectUris: [redirectUri], postLogoutRedirectUris: [] });
    const spareOptions = { config: { ...config, issuer: spare.issuer, clientId: spare.clientId, clientSecret: spare.clientSecret } };
    const { attemptId, url } = await beginProConnect({ redirectUri }, spareOptions);
    const callback = await loginAtTestProvider(url, "panne@exemple.fr", PORTAL);
    await spare.close();
    expect(await reasonOf(finishProConnect({ attemptId, currentUrl: callback, redirectUri }, request, spareOptions))).toBe("provider_unavailable");
    expect(await counts()).toEqual(before);
  });
});
