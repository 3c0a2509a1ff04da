import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth.server";

export const { GET } = handlers;

/**
 * next-auth's endpoints, except its own credentials callback: signing in goes through POST /api/connexion only, so
 * there is one door and its limits answer 429 (ADR 0016). Server-side signIn() does not go through this route.
 */
export function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
    return Promise.resolve(Response.json({ error: "Connexion : utilisez le formulaire du portail (/connexion)." }, { status: 404 }));
  }
  return handlers.POST(request);
}
