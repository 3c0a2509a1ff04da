import type { ComponentPropsWithRef } from "react";
import { Field, type LabelledProps } from "./Field";
import { controlClassName } from "./field-styles";

export type TextFieldProps = Omit<ComponentPropsWithRef<"input">, "id" | "name"> &
  LabelledProps & {
    /** Classes of the input itself. */
    inputClassName?: string;
  };

/**
 * A labelled text input: label, hint, input, then the error in red.
 * Accepts react-hook-form's `{...register("x")}` (name, ref, onChange, onBlur) as well as plain
 * `defaultValue` / `required` / `autoComplete` for server-action forms.
 */
export function TextField({ id, label, hint, error, type = "text", required, className, inputClassName, "aria-describedby": extra, "aria-invalid": invalid, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className} aria-describedby={extra} aria-invalid={invalid}>
      {(control, hasError) => <input {...inputProps} {...control} type={type} className={controlClassName(hasError, inputClassName)} />}
    </Field>
  );
}
