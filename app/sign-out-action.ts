"use server";

import { signOut } from "@/lib/auth/next-auth.server";
import { getActor } from "@/lib/auth/session.server";
import { recordSignOut } from "@/lib/auth/sign-out.server";
import { currentRequestContext } from "@/lib/request.server";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordSignOut(actor.userId, await currentRequestContext());
  await signOut({ redirectTo: "/connexion?deconnecte=1" });
}
