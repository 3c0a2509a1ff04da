import "server-only";
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import { getActor, getSignedInAccount, type SignedInActor } from "./auth/session.server";
import { staffStepUpMissing, stepUpFresh } from "./second-factor/second-factor.server";
import { STEP_UP_MESSAGE } from "./second-factor/step-up";
import { isAppError } from "./errors";
import { formResultFromError, type ActionNotice, type FormResult } from "./form-result";
import { currentRequestContext, type RequestContext } from "./request.server";

/** What a form shows when its session ended while it was open. */
export const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };

export type { ActionNotice, ActionResult } from "./form-result";

type Revalidation = string | { path: string; type: "layout" | "page" };

type After<T, A> = {
  /** Paths whose cached render is stale once the act succeeded. */
  revalidate?: (result: T) => Revalidation[];
  /** Where the browser goes once the act succeeded; without it, the action answers `notice`. */
  redirectTo?: (result: T) => string;
  /** The message shown in place when the action does not redirect. */
  notice?: (result: T) => string;
  /** Whether a refusal of the act answers 403 (a page the person should not have reached) or a form error. */
  forbiddenAsPage?: boolean;
  /**
   * What the form receives in place of the notice when it needs more: a token shown once, a saved version, or the
   * own state of a form drawn with useActionState (an upload's check report), which works without JavaScript.
   */
  answer?: (result: T) => A;
  /**
   * A sensitive act (issue 19): refused unless this session passed a second-factor check in the last ten minutes; the
   * form then asks for a code and re-submits itself. `true`: an ANS staff act, asked of ANS accounts only (anyone else
   * is refused by the act's own authorization, 403); "always": an act on one's own account (recovery codes).
   */
  stepUp?: boolean | "always";
};

/** What a sensitive act answers without a fresh second-factor check: nothing was done. */
export const STEP_UP_REQUIRED: FormResult = { ok: false, fieldErrors: {}, formError: STEP_UP_MESSAGE, stepUp: true };

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
export async function signedInAction<T, A = ActionNotice>(
  act: (actor: SignedInActor, request: RequestContext) => Promise<T>,
  after: After<T, A> = {},
): Promise<A | FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  if (after.stepUp) {
    const secondFactorAt = (await getSignedInAccount())?.secondFactorAt ?? null;
    const missing = after.stepUp === "always" ? !stepUpFresh(secondFactorAt) : staffStepUpMissing(actor, secondFactorAt);
    if (missing) return STEP_UP_REQUIRED;
  }
  return settle(() => currentRequestContext().then((request) => act(actor, request)), after);
}

/** The same for pages anybody may use (sign-up, invitation, client signature, PDF verification). */
export async function publicAction<T, A = ActionNotice>(
  act: (actor: SignedInActor | null, request: RequestContext) => Promise<T>,
  after: After<T, A> = {},
): Promise<A | FormResult> {
  const actor = await getActor();
  return settle(() => currentRequestContext().then((request) => act(actor, request)), after);
}

async function settle<T, A>(run: () => Promise<T>, after: After<T, A>): Promise<A | FormResult> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (after.forbiddenAsPage && isAppError(error) && error.code === "FORBIDDEN") forbidden();
    return formResultFromError(error);
  }
  revalidate(after.revalidate?.(result) ?? []);
  if (after.redirectTo) redirect(after.redirectTo(result));
  if (after.answer) return after.answer(result);
  // Without `answer`, A is the notice (its default).
  return { ok: true, message: after.notice?.(result) ?? "" } as A;
}
