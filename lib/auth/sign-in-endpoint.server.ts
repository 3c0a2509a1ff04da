import "server-only";
// POST /api/connexion: the one way in with a password (ADR 0016). A route handler rather than a server action, so
// that a limit answers a real 429 with Retry-After, to the sign-in form and to any HTTP client alike.
import { AuthError, CredentialsSignin } from "next-auth";
import type { FormResult } from "../form-result";
import { readLimitedText } from "../http-body";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { portalOrigin } from "../request.server";
import { safeReturnPath } from "../return-path";
import { fieldErrorsOf } from "../validation";
import { RateLimitedSignIn, signIn } from "./next-auth.server";
import { signInSchema } from "./sign-in-schema";
import { emailKey, signInRefusalMessage } from "./sign-in-limit";
import { GATE_PATHS } from "./account-gate";
import { secondFactorGate } from "../second-factor/policy";
import { secondFactorStanding } from "../second-factor/requirement.server";

export const SIGN_IN_MESSAGES = {
  invalid: "Adresse e-mail ou mot de passe incorrect.",
  crossSite: "Requête refusée : la connexion se fait depuis le formulaire du portail.",
  malformed: "Requête de connexion illisible.",
  tooLarge: "Requête de connexion trop volumineuse.",
  unexpected: "Une erreur inattendue est survenue. Réessayez dans un instant.",
} as const;

const MAX_BODY_BYTES = 8 * 1024;

export type SignInAnswer = { ok: true; redirectTo: string } | FormResult;

function answer(status: number, body: SignInAnswer, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const refused = (status: number, formError: string, headers?: Record<string, string>) => answer(status, { ok: false, fieldErrors: {}, formError }, headers);

/**
 * Same checks as Next's server actions against cross-site requests: an Origin whose host is the one the request
 * was addressed to, and a JSON body (which a cross-site form cannot send without a CORS preflight we never grant).
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return host !== null && originHost === host;
}

async function readBody(request: Request): Promise<unknown | "too_large" | "malformed"> {
  // Counted as it arrives: a body that announces no length is not buffered whole either.
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  if (text === "too_large") return "too_large";
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return "malformed";
  }
}

/**
 * Where the browser goes after the password: the second-factor step when the account has or needs one (issue 19),
 * carrying `retour` so that the person lands where they were going once past it.
 */
async function secondFactorStep(email: string, retour: string | null): Promise<string> {
  // The roles and the organisations' settings as they are now: an organisation may have required a factor since.
  const standing = await secondFactorStanding({ email: emailKey(email) });
  const gate = standing ? secondFactorGate({ required: standing.required, enrolled: standing.enrolled, passed: false }) : null;
  if (!gate) return retour ?? "/espace";
  return retour ? `${GATE_PATHS[gate]}?retour=${encodeURIComponent(retour)}` : GATE_PATHS[gate];
}

export async function signInResponse(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refused(403, SIGN_IN_MESSAGES.crossSite);
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return refused(415, SIGN_IN_MESSAGES.malformed);
  const body = await readBody(request);
  if (body === "too_large") return refused(413, SIGN_IN_MESSAGES.tooLarge);
  if (body === "malformed" || typeof body !== "object" || body === null) return refused(400, SIGN_IN_MESSAGES.malformed);
  const parsed = signInSchema.safeParse(body);
  if (!parsed.success) return answer(400, { ok: false, fieldErrors: fieldErrorsOf(parsed.error) });
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof RateLimitedSignIn) {
      metrics().signInLimited.inc({ scope: error.scope });
      return refused(429, signInRefusalMessage(error), { "Retry-After": String(error.retryAfterSeconds) });
    }
    if (error instanceof CredentialsSignin) {
      metrics().signInFailures.inc({ reason: "invalid_credentials" });
      return refused(401, SIGN_IN_MESSAGES.invalid);
    }
    logger().error({ error: error instanceof AuthError ? (error.cause ?? error) : error }, "échec inattendu de la connexion");
    return refused(500, SIGN_IN_MESSAGES.unexpected);
  }
  const retour = safeReturnPath((body as { retour?: unknown }).retour, portalOrigin(request.headers));
  return answer(200, { ok: true, redirectTo: await secondFactorStep(parsed.data.email, retour) });
}
