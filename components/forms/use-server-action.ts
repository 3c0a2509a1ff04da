"use client";

import { useState, useTransition } from "react";
import type { FormResult } from "@/lib/form-result";

type Answer = FormResult | { ok: true; message: string } | undefined | void;

/**
 * Runs a server action from a form: pending state, the form-level error, field errors handed back to the form, and
 * the notice of an action that stays on the page. An action that redirects returns nothing to show.
 */
export function useServerAction<V>(action: (values: V) => Promise<Answer>, onFieldErrors: (fieldErrors: Record<string, string>) => void) {
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = (values: V) =>
    startTransition(async () => {
      setFormError(undefined);
      setNotice(undefined);
      const result = await action(values);
      if (!result) return;
      if (result.ok) {
        setNotice(result.message || undefined);
        return;
      }
      setFormError(result.formError);
      onFieldErrors(result.fieldErrors);
    });
  return { formError, notice, pending, submit };
}
