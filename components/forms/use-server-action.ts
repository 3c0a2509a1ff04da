"use client";

import { useState, useTransition } from "react";
import type { FormResult } from "@/lib/form-result";
import { useStepUp } from "./step-up";

type Success = { ok: true };
type Notice = { ok: true; message: string };
type Answer<S extends Success> = FormResult | S | undefined | void;

// Method syntax on purpose: any react-hook-form's setError/setFocus fits, whatever its field names.
type FieldErrorTarget = {
  setError(name: string, error: { message: string }): void;
  setFocus(name: string): void;
};

type Options<S extends Success> = {
  /** The react-hook-form whose fields receive the server's field errors; without it they join the form error. */
  form?: FieldErrorTarget;
  /** Server field names that this form shows under another field. */
  renameFields?: Record<string, string>;
  onSuccess?: (result: S) => void;
  /** Runs once the answer arrived, whatever it was (a confirmation step closes). */
  onSettled?: () => void;
};

/**
 * Runs a server action from a form or a button: pending state, the form-level error, field errors put next to their
 * fields, and the notice of an action that stays on the page. An action that redirects returns nothing to show.
 */
export function useServerAction<V, S extends Success = Notice>(
  action: (values: V) => Promise<Answer<S>>,
  options: Options<S> = {},
) {
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, startTransition] = useTransition();
  const stepUp = useStepUp();
  const submit = (values: V) =>
    startTransition(async () => {
      setFormError(undefined);
      setNotice(undefined);
      let result = await action(values);
      // A sensitive act without a fresh second-factor check (issue 19): ask for a code, then the same values again.
      if (result && !result.ok && result.stepUp && stepUp && (await stepUp())) result = await action(values);
      options.onSettled?.();
      if (!result) return;
      if (result.ok) {
        if ("message" in result && typeof result.message === "string" && result.message) setNotice(result.message);
        options.onSuccess?.(result);
        return;
      }
      if (options.form) {
        setFormError(result.formError);
        showFieldErrors(result.fieldErrors, options.form, options.renameFields ?? {});
      } else {
        setFormError(result.formError ?? Object.values(result.fieldErrors)[0]);
      }
    });
  return { formError, notice, pending, submit };
}

/** Puts a server action's field errors next to their fields and moves focus to the first one. */
function showFieldErrors(fieldErrors: Record<string, string>, form: FieldErrorTarget, rename: Record<string, string>): void {
  const fields = Object.entries(fieldErrors).map(([name, message]) => [rename[name] ?? name, message] as const);
  for (const [field, message] of fields) form.setError(field, { message });
  if (fields[0]) form.setFocus(fields[0][0]);
}
