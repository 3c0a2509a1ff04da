import "server-only";
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import { getActor, type SignedInActor } from "./auth/session.server";
import { isAppError } from "./errors";
import { formResultFromError, type FormResult } from "./form-result";
import { currentRequestContext, type RequestContext } from "./request.server";

/** What a form shows when its session ended while it was open. */
export const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };

/** A success that stays on the page with a message (no redirect). */
export type ActionNotice = { ok: true; message: string };
export type ActionResult = ActionNotice | FormResult;

type Revalidation = string | { path: string; type: "layout" | "page" };

type After<T> = {
  /** Paths whose cached render is stale once the act succeeded. */
  revalidate?: (result: T) => Revalidation[];
  /** Where the browser goes once the act succeeded; without it, the action answers `notice`. */
  redirectTo?: (result: T) => string;
  /** The message shown in place when the action does not redirect. */
  notice?: (result: T) => string;
  /** Whether a refusal of the act answers 403 (a page the person should not have reached) or a form error. */
  forbiddenAsPage?: boolean;
};

function revalidate(paths: Revalidation[]): void {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path.path, path.type);
  }
}

/**
 * The one shape of a signed-in server action: the actor, the signed-out answer, the request context, an error
 * turned into a form result, then revalidation and redirect outside the try (Next.js throws to redirect).
 */
export async function signedInAction<T>(
  act: (actor: SignedInActor, request: RequestContext) => Promise<T>,
  after: After<T> = {},
): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  return settle(() => currentRequestContext().then((request) => act(actor, request)), after);
}

/** The same for pages anybody may use (sign-up, invitation, client signature, PDF verification). */
export async function publicAction<T>(act: (actor: SignedInActor | null, request: RequestContext) => Promise<T>, after: After<T> = {}): Promise<ActionResult> {
  const actor = await getActor();
  return settle(() => currentRequestContext().then((request) => act(actor, request)), after);
}

async function settle<T>(run: () => Promise<T>, after: After<T>): Promise<ActionResult> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (after.forbiddenAsPage && isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  revalidate(after.revalidate?.(result) ?? []);
  if (after.redirectTo) redirect(after.redirectTo(result));
  return { ok: true, message: after.notice?.(result) ?? "" };
}
