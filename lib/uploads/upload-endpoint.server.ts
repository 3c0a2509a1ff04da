import "server-only";
// The one shape of an upload route handler (ADR 0026): what server actions did for free (same origin, the session),
// then the per-address limit of anonymous callers, then the body read as a stream within the kind's caps, then the
// work; every refusal is a French problem (application/problem+json) with the status that says what happened, and
// field errors where the form shows them. Routes stay thin: `export const POST = (r) => uploadResponse(r, {...})`.
import { isAnonymousLimitReached, anonymousLimitOf, hitAnonymousLimit, tooManyRequests } from "../anonymous-limit.server";
import type { AnonymousLimit, AnonymousScope } from "../anonymous-limit";
import type { SignedInActor } from "../auth/session.server";
import { isAppError, type AppErrorCode } from "../errors";
import { problemResponse } from "../http-problem";
import { portalOrigin, requestContextFrom, type RequestContext } from "../request.server";
import { readUpload, type ReceivedUpload } from "./read-upload.server";
import { REFUSAL_TITLES, UPLOAD_MESSAGES, UploadRefusal, type UploadKind } from "./upload-rules";

type Work<Actor, A> = (input: { upload: ReceivedUpload; actor: Actor; request: RequestContext }) => Promise<A>;

type Endpoint<Actor, A> = {
  kind: UploadKind;
  /** The work once the body is read: returns the JSON answer, or throws an AppError. */
  handle: Work<Actor, A>;
  /** The status of an answer the work returned (200 by default; 422 for a refusal it returns rather than throws). */
  status?: (answer: A) => number;
};

export type SignedInUpload<A> = Endpoint<SignedInActor, A>;
/** Anybody may send; callers without a session count against `anonymousLimit` (ADR 0027). */
export type PublicUpload<A> = Endpoint<SignedInActor | null, A> & { anonymousLimit: AnonymousScope };

/** What tests replace: the session lookup, the stall timeout, the limit. */
export type UploadDependencies = { actor?: () => Promise<SignedInActor | null>; idleTimeoutMs?: number; limit?: AnonymousLimit };

/** The session's person; loaded on use, so that tests which pass their own actor never load next-auth. */
async function sessionActor(): Promise<SignedInActor | null> {
  const { getActor } = await import("../auth/session.server");
  return getActor();
}

const UNEXPECTED = "Une erreur inattendue est survenue. Rien n'a été enregistré ; réessayez dans un instant.";

const STATUS_OF: Record<AppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** The Origin header equals the portal's own origin (a cross-site form cannot forge it; CORS is never granted). */
export function isPortalOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  return origin !== null && origin === portalOrigin(headers);
}

function refused(status: number, detail: string, fieldErrors?: Record<string, string>, headers?: Record<string, string>): Response {
  return problemResponse(status, REFUSAL_TITLES[status] ?? "Requête refusée", detail, { fieldErrors, headers });
}

/** Turns what the work or the reader threw into its problem answer. */
export function uploadErrorResponse(error: unknown): Response {
  if (error instanceof UploadRefusal) return refused(error.status, error.message, error.field ? { [error.field]: error.message } : undefined);
  if (isAnonymousLimitReached(error)) return tooManyRequests(error.retryAfterSeconds);
  if (isAppError(error)) {
    const hasFields = Object.keys(error.fieldErrors).length > 0;
    return refused(STATUS_OF[error.code], error.message, hasFields ? error.fieldErrors : undefined);
  }
  console.error(error);
  return refused(500, UNEXPECTED);
}

/** An upload only signed-in people may send: 401 without a session, before the body is read. */
export function signedInUpload<A>(request: Request, endpoint: SignedInUpload<A>, dependencies: UploadDependencies = {}): Promise<Response> {
  return respond(request, endpoint, dependencies, async () => null, true);
}

/** An upload anybody may send; anonymous callers count against the endpoint's per-address limit. */
export function publicUpload<A>(request: Request, endpoint: PublicUpload<A>, dependencies: UploadDependencies = {}): Promise<Response> {
  return respond(request, endpoint, dependencies, async (ip) => {
    const decision = await hitAnonymousLimit(endpoint.anonymousLimit, ip, { limit: dependencies.limit ?? anonymousLimitOf(endpoint.anonymousLimit) });
    return decision.allowed ? null : tooManyRequests(decision.retryAfterSeconds);
  }, false);
}

async function respond<A>(
  request: Request,
  endpoint: Endpoint<never, A>,
  dependencies: UploadDependencies,
  limitAnonymous: (ip: string) => Promise<Response | null>,
  signedIn: boolean,
): Promise<Response> {
  // Nothing of the body is read until the caller is known and allowed.
  if (!isPortalOrigin(request.headers)) return refused(403, UPLOAD_MESSAGES.crossSite);
  const context = requestContextFrom(request.headers);
  const actor = await (dependencies.actor ?? sessionActor)();
  if (signedIn && !actor) return refused(401, UPLOAD_MESSAGES.signedOut);
  if (!actor) {
    const limited = await limitAnonymous(context.ip);
    if (limited) return limited;
  }
  let answer: A;
  try {
    const upload = await readUpload(request, endpoint.kind, { idleTimeoutMs: dependencies.idleTimeoutMs });
    answer = await (endpoint.handle as Work<SignedInActor | null, A>)({ upload, actor, request: context });
  } catch (error) {
    return uploadErrorResponse(error);
  }
  return Response.json(answer, { status: endpoint.status?.(answer) ?? 200, headers: { "Cache-Control": "no-store" } });
}
