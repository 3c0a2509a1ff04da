"use server";

import { signOut } from "@/lib/auth/next-auth.server";

/** Ends the session in Postgres and drops the cookie (see the signOut event in lib/auth/next-auth.server.ts). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/connexion?deconnecte=1" });
}
