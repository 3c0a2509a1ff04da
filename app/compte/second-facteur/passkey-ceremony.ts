// Browser side of a passkey ceremony (ADR 0060): the server's options, the browser's dialog, the answer posted back.
// A failed dialog never reaches the server: its French message comes from the error's name.
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { FormResult } from "@/lib/form-result";
import { ceremonyErrorMessage } from "@/lib/second-factor/passkey-rules";
import type { PasskeyCreationAnswer, PasskeyRequestAnswer } from "./actions";

const refused = (formError: string): FormResult => ({ ok: false, fieldErrors: {}, formError });
const nameOf = (error: unknown) => (error instanceof Error ? error.name : undefined);

/** Creates a passkey: a FormResult with `stepUp` (the caller's dialog first) or the finish step's answer. */
export async function createPasskey<R>(begin: () => Promise<PasskeyCreationAnswer | FormResult>, finish: (response: unknown) => Promise<R>): Promise<R | FormResult> {
  const options = await begin();
  if (!options.ok) return options;
  let response;
  try {
    response = await startRegistration({ optionsJSON: options.options });
  } catch (error) {
    return refused(ceremonyErrorMessage(nameOf(error), "registration"));
  }
  return finish(response);
}

/** Checks a passkey of the signed-in account, for the sign-in step or a step-up. */
export async function checkPasskey<R>(begin: () => Promise<PasskeyRequestAnswer | FormResult>, verify: (response: unknown) => Promise<R>): Promise<R | FormResult> {
  const options = await begin();
  if (!options.ok) return options;
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options.options });
  } catch (error) {
    return refused(ceremonyErrorMessage(nameOf(error), "authentication"));
  }
  return verify(response);
}
