import "server-only";
import { getSignedInAccount, type SignedInAccount } from "../auth/session.server";
import { AppError } from "../errors";
import { publicAction, SIGNED_OUT, type ActionResult } from "../form-action.server";
import type { RequestContext } from "../request.server";
import type { AccountGate } from "../auth/account-gate";

type After<T> = Parameters<typeof publicAction<T>>[1];

/**
 * The server action of a gate's page (confirm your address, replace your one-time password): the account must be
 * signed in and held at that gate; otherwise the form says the session ended.
 */
export async function gatedAction<T>(gate: AccountGate, act: (account: SignedInAccount, request: RequestContext) => Promise<T>, after?: After<T>): Promise<ActionResult> {
  return publicAction(async (_actor, request) => {
    const account = await getSignedInAccount();
    if (!account || account.gate !== gate) throw new AppError("UNAUTHENTICATED", SIGNED_OUT.formError!);
    return act(account, request);
  }, after);
}

/** The id of this request's session, for acts that keep it (password change) or must not end it. */
export async function currentSessionId(): Promise<string | null> {
  return (await getSignedInAccount())?.sessionId ?? null;
}
