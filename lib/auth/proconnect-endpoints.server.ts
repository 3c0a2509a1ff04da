import "server-only";
// The two ProConnect endpoints (ADR 0044): GET /api/proconnect/connexion leaves for the provider, GET
// /api/proconnect/retour comes back. Route handlers, since both answer redirects and set the attempt cookie.
import { cookies } from "next/headers";
import { logger } from "../observability/logger";
import { portalOrigin, requestContextFrom } from "../request.server";
import { safeReturnPath } from "../return-path";
import { signIn } from "./next-auth.server";
import { PROCONNECT_ATTEMPT_SECONDS } from "./proconnect";
import {
  beginProConnect,
  finishProConnect,
  issueSessionTicket,
  PROCONNECT_CALLBACK_PATH,
  PROCONNECT_COOKIE,
  ProConnectError,
  type ProConnectOptions,
} from "./proconnect.server";

/** Where the provider sends the browser back: one fixed path at the portal's origin, registered at the provider. */
export function proConnectRedirectUri(origin: string): string {
  return `${origin}${PROCONNECT_CALLBACK_PATH}`;
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

async function setAttemptCookie(origin: string, value: string | null): Promise<void> {
  const jar = await cookies();
  if (value === null) {
    jar.delete(PROCONNECT_COOKIE);
    return;
  }
  // Lax: the provider's redirect back is a top-level GET from another site, which carries Lax cookies.
  jar.set(PROCONNECT_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: origin.startsWith("https:"),
    path: "/",
    maxAge: PROCONNECT_ATTEMPT_SECONDS,
  });
}

export async function proConnectStartResponse(request: Request, options: ProConnectOptions = {}): Promise<Response> {
  const origin = portalOrigin(request.headers);
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("retour"), origin);
  try {
    const { attemptId, url } = await beginProConnect({ redirectUri: proConnectRedirectUri(origin), returnTo }, options);
    await setAttemptCookie(origin, attemptId);
    return redirect(url);
  } catch (error) {
    if (error instanceof ProConnectError) return redirect(`/connexion/proconnect?erreur=${error.reason}`);
    throw error;
  }
}

export async function proConnectCallbackResponse(request: Request, options: ProConnectOptions = {}): Promise<Response> {
  const origin = portalOrigin(request.headers);
  const jar = await cookies();
  const attemptId = jar.get(PROCONNECT_COOKIE)?.value;
  // The query as the browser sent it, on the redirect URI the provider knows (a proxy may have rewritten the host).
  const currentUrl = new URL(PROCONNECT_CALLBACK_PATH + new URL(request.url).search, origin);
  try {
    const outcome = await finishProConnect(
      { attemptId, currentUrl, redirectUri: proConnectRedirectUri(origin) },
      requestContextFrom(request.headers),
      options,
    );
    if (outcome.kind === "signed_in") {
      await signIn("proconnect", { ticket: issueSessionTicket(outcome), redirect: false });
      await setAttemptCookie(origin, null);
      return redirect(outcome.returnTo);
    }
    // The cookie stays: the link form and the sign-up read this attempt's claims.
    return redirect(outcome.kind === "link" ? "/connexion/proconnect" : "/inscription?proconnect=1");
  } catch (error) {
    await setAttemptCookie(origin, null);
    if (error instanceof ProConnectError) return redirect(`/connexion/proconnect?erreur=${error.reason}`);
    logger().error({ error }, "ProConnect : échec inattendu du retour");
    return redirect("/connexion/proconnect?erreur=provider_unavailable");
  }
}
