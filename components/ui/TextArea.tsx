import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { describedBy, fieldIds, hasContent } from "./field-ids";
import { controlClassName, fieldGroupClassName } from "./field-styles";

export type TextAreaProps = Omit<ComponentPropsWithRef<"textarea">, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Classes of the wrapper; `textareaClassName` styles the text area itself. */
  className?: string;
  textareaClassName?: string;
};

/** A labelled multi-line text field, same pattern as TextField (accepts react-hook-form's register()). */
export function TextArea({
  id,
  label,
  hint,
  error,
  required,
  rows = 4,
  className,
  textareaClassName,
  "aria-describedby": extraDescribedBy,
  "aria-invalid": ariaInvalid,
  ...textareaProps
}: TextAreaProps) {
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
      <textarea
        {...textareaProps}
        id={id}
        rows={rows}
        required={required}
        aria-invalid={ariaInvalid ?? (hasError ? true : undefined)}
        aria-describedby={describedBy(id, { hasHint, hasError, extra: extraDescribedBy })}
        className={controlClassName(hasError, textareaClassName)}
      />
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
