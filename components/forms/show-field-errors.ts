import type { FieldValues, Path, UseFormSetError, UseFormSetFocus } from "react-hook-form";

/** Puts a server action's field errors next to their fields and moves focus to the first one. */
export function showFieldErrors<T extends FieldValues>(
  fieldErrors: Record<string, string>,
  form: { setError: UseFormSetError<T>; setFocus: UseFormSetFocus<T> },
): void {
  const fields = Object.entries(fieldErrors);
  for (const [field, message] of fields) form.setError(field as Path<T>, { message });
  if (fields[0]) form.setFocus(fields[0][0] as Path<T>);
}
