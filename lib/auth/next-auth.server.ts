import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithVerificationLink } from "./verification-link.server";
import { takeSessionTicket } from "./proconnect.server";
import { env } from "../env.server";
import { isAppError } from "../errors";
import { currentRequestContext, requestContextFrom } from "../request.server";
import { authenticate } from "./authenticate.server";
import { SESSION_ABSOLUTE_SECONDS } from "./session-policy";
import { endSessionAtSignOut, isSessionActive } from "./sessions.server";
import { logger } from "../observability/logger";

/** A limit refused the attempt; it was not evaluated. Carries what the sign-in endpoint tells the person. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly scope: "pair" | "ip",
    readonly retryAfterSeconds: number,
  ) {
    super();
  }
}

/** A verification link that cannot sign anyone in (used, expired, replaced, unknown): carries the French reason. */
export class RefusedVerificationLink extends CredentialsSignin {
  code = "link_refused";
  constructor(readonly reason: string) {
    super();
  }
}

// The session token (an encrypted JWT) carries the user id and the id of a Session row (ADR 0015). Every request
// checks that row in Postgres (the jwt callback): sign-out, a password change, a disablement or a role change revoke
// it and the token stops working at once, on every instance. Roles and status are read from Postgres too
// (session.server.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
  pages: { signIn: "/connexion", error: "/connexion" },
  // A refused sign-in is an expected outcome, already in the audit log: no stack trace for it.
  logger: {
    error(error: Error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") logger().error({ error }, "erreur d'authentification");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, requestContextFrom(request.headers));
        if (result.ok) return { id: result.userId, sessionId: result.sessionId };
        if (result.reason === "rate_limited") throw new RateLimitedSignIn(result.scope, result.retryAfterSeconds);
        return null;
      },
    }),
    // The link of the verification mail confirms the address and signs its owner in (ADR 0020). Called only by the
    // server action of /confirmation-adresse (next-auth's own callback endpoint answers 404, ADR 0016); the token is
    // the credential, used once.
    Credentials({
      id: "verification-link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        try {
          const result = await signInWithVerificationLink(credentials.token, requestContextFrom(request.headers));
          return result.sessionId ? { id: result.userId, sessionId: result.sessionId } : null;
        } catch (error) {
          if (isAppError(error)) throw new RefusedVerificationLink(error.message);
          throw error;
        }
      },
    }),
    // ProConnect (ADR 0044): the callback route (or the link form) has checked everything and opened the session; the
    // ticket, random and single-use within this process and request, hands that session to next-auth's cookie.
    // next-auth's own callback endpoint answers 404 to POSTs, so only server code reaches this.
    Credentials({
      id: "proconnect",
      credentials: { ticket: {} },
      authorize(credentials) {
        const session = takeSessionTicket(credentials.ticket);
        return session ? { id: session.userId, sessionId: session.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      }
      // Returning null ends the session: next-auth clears the cookie where it can, and auth() answers null.
      return (await isSessionActive(token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // The id of the Session row, for the account page ("this session", "sign out everywhere else").
      if (typeof token.sid === "string") (session as { sessionId?: string }).sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Whichever way the cookie is dropped (the sign-out button or next-auth's own endpoint), the session row ends
    // at once and the sign-out is recorded, so a copy of the cookie opens nothing any more.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.sub === "string") {
        await endSessionAtSignOut({ id: token.sid, userId: token.sub }, await currentRequestContext());
      }
    },
  },
}));
