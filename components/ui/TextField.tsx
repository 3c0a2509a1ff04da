import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { describedBy, fieldIds, hasContent } from "./field-ids";
import { controlClassName, fieldGroupClassName } from "./field-styles";

export type TextFieldProps = Omit<ComponentPropsWithRef<"input">, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Classes of the wrapper; `inputClassName` styles the input itself. */
  className?: string;
  inputClassName?: string;
};

/**
 * A labelled text input: label, hint, input, then the error in red.
 * Accepts react-hook-form's `{...register("x")}` (name, ref, onChange, onBlur) as well as plain
 * `defaultValue` / `required` / `autoComplete` for server-action forms.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  type = "text",
  required,
  className,
  inputClassName,
  "aria-describedby": extraDescribedBy,
  "aria-invalid": ariaInvalid,
  ...inputProps
}: TextFieldProps) {
  const hasHint = hasContent(hint);
  const hasError = hasContent(error);
  const { hintId, errorId } = fieldIds(id);
  return (
    <div className={fieldGroupClassName(hasError, className)}>
      <label htmlFor={id} className="font-medium text-grey-950">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hasHint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <input
        {...inputProps}
        id={id}
        type={type}
        required={required}
        aria-invalid={ariaInvalid ?? (hasError ? true : undefined)}
        aria-describedby={describedBy(id, { hasHint, hasError, extra: extraDescribedBy })}
        className={controlClassName(hasError, inputClassName)}
      />
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
