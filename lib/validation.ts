import type { z } from "zod";
import { AppError } from "./errors";

export const INVALID_FORM = "Le formulaire contient des erreurs.";

/** First message per field, keyed by dotted path: what forms show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A refused form: the form-level message and each field's first error. */
export function invalidForm(error: z.ZodError): AppError {
  return new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(error));
}

/**
 * Typed or pasted text without its control characters (NUL, escape, …; tab and line breaks become spaces): PostgreSQL
 * refuses a NUL in text, and none of them means anything in a search or filter field.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === "\t" || c === "\n" || c === "\r" ? " " : ""));
}
