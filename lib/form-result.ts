import { isAppError } from "./errors";
import { logger } from "./observability/logger";

/** What a server action hands back to its form when it did not redirect. */
export type FormResult = {
  ok: false;
  formError?: string;
  fieldErrors: Record<string, string>;
  /** A sensitive act refused for want of a recent second-factor check (403): the page asks for a code, then re-submits. */
  stepUp?: true;
};

/** A success that stays on the page with a message (no redirect). */
export type ActionNotice = { ok: true; message: string };
export type ActionResult = ActionNotice | FormResult;

const UNEXPECTED = "Une erreur inattendue est survenue. Rien n'a été enregistré ; réessayez dans un instant.";

export function formResultFromError(error: unknown): FormResult {
  if (isAppError(error)) {
    const hasFieldErrors = Object.keys(error.fieldErrors).length > 0;
    return { ok: false, fieldErrors: error.fieldErrors, formError: hasFieldErrors ? undefined : error.message };
  }
  logger().error({ error }, "erreur inattendue dans une action");
  return { ok: false, fieldErrors: {}, formError: UNEXPECTED };
}
