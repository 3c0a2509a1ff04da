import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "../env.server";
import { requestContextFrom } from "../request.server";
import { authenticate } from "./authenticate.server";

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

// Sessions are JWTs that carry only the user id: roles and status are read from Postgres on every
// request (see session.server.ts), so a disabled user or a changed role takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, requestContextFrom(request.headers));
        if (result.ok) return { id: result.userId };
        if (result.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
