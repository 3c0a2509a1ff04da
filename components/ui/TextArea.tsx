import type { ComponentPropsWithRef } from "react";
import { Field, type LabelledProps } from "./Field";
import { controlClassName } from "./field-styles";

export type TextAreaProps = Omit<ComponentPropsWithRef<"textarea">, "id" | "name"> &
  LabelledProps & {
    /** Classes of the text area itself. */
    textareaClassName?: string;
  };

/** A labelled multi-line text field, same pattern as TextField (accepts react-hook-form's register()). */
export function TextArea({ id, label, hint, error, required, rows = 4, className, textareaClassName, "aria-describedby": extra, "aria-invalid": invalid, ...textareaProps }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className} aria-describedby={extra} aria-invalid={invalid}>
      {(control, hasError) => <textarea {...textareaProps} {...control} rows={rows} className={controlClassName(hasError, textareaClassName)} />}
    </Field>
  );
}
