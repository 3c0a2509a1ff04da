import { NextResponse, type NextRequest } from "next/server";

// Only a first gate: unauthenticated visitors of private spaces go to sign-in. Every page and
// action still checks the session and the permission itself, on the server.
const PRIVATE_PREFIXES = ["/editeur", "/instruction", "/administration", "/espace", "/compte"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPrivate = PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isPrivate && !hasSession) {
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("retour", pathname + search);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"],
};
