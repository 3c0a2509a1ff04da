"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth.server";
import { signOutDestination } from "@/lib/auth/proconnect.server";
import { getSignedInAccount } from "@/lib/auth/session.server";
import { portalOrigin } from "@/lib/request.server";

/**
 * Ends the session in Postgres and drops the cookie (see the signOut event in lib/auth/next-auth.server.ts). A session
 * opened with ProConnect then ends at the provider too, which sends the browser back here (RP-initiated logout, ADR 0044).
 */
export async function signOutAction(): Promise<void> {
  const account = await getSignedInAccount();
  const signedOut = `${portalOrigin(await headers())}/connexion?deconnecte=1`;
  const destination = await signOutDestination(account?.sessionId ?? null, signedOut);
  await signOut({ redirect: false });
  redirect(destination ?? "/connexion?deconnecte=1");
}
