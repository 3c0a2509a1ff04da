import { signInResponse } from "@/lib/auth/sign-in-endpoint.server";

export const dynamic = "force-dynamic";

/** Sign-in with e-mail and password (the form on /connexion posts here). */
export function POST(request: Request): Promise<Response> {
  return signInResponse(request);
}
