import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth.server";

/** next-auth answers a request it does not know with an English "Bad request.": the portal answers in French. */
function inFrench(response: Response): Response {
  if (response.status < 400 || response.status >= 500) return response;
  return Response.json({ error: "Requête invalide : cette adresse du service de connexion n'existe pas." }, { status: response.status });
}

export async function GET(request: NextRequest): Promise<Response> {
  return inFrench(await handlers.GET(request));
}

/**
 * next-auth's endpoints, except its own credentials callback: signing in goes through POST /api/connexion only, so
 * there is one door and its limits answer 429 (ADR 0016). Server-side signIn() does not go through this route.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
    return Response.json({ error: "Connexion : utilisez le formulaire du portail (/connexion)." }, { status: 404 });
  }
  return inFrench(await handlers.POST(request));
}
