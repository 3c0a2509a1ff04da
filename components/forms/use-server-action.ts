"use client";

import { useState, useTransition } from "react";
import type { FormResult } from "@/lib/form-result";

/**
 * Runs a server action from a form: pending state, the form-level error, and field errors handed back to the form.
 * A successful action redirects or revalidates, so it returns nothing to show.
 */
export function useServerAction<V>(action: (values: V) => Promise<FormResult>, onFieldErrors: (fieldErrors: Record<string, string>) => void) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = (values: V) =>
    startTransition(async () => {
      setFormError(undefined);
      const result = await action(values);
      if (!result) return;
      setFormError(result.formError);
      onFieldErrors(result.fieldErrors);
    });
  return { formError, pending, submit };
}
