import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { cx } from "./cx";
import { describedBy, fieldIds, hasContent } from "./field-ids";
import { controlClassName, fieldGroupClassName } from "./field-styles";

export type SelectProps = Omit<ComponentPropsWithRef<"select">, "id" | "name"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** The <option> elements. */
  children: ReactNode;
  /** Classes of the wrapper; `selectClassName` styles the select itself. */
  className?: string;
  selectClassName?: string;
};

/** A labelled native select, same pattern as TextField (accepts react-hook-form's register()). */
export function Select({
  id,
  label,
  hint,
  error,
  required,
  children,
  className,
  selectClassName,
  "aria-describedby": extraDescribedBy,
  "aria-invalid": ariaInvalid,
  ...selectProps
}: SelectProps) {
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
      <select
        {...selectProps}
        id={id}
        required={required}
        aria-invalid={ariaInvalid ?? (hasError ? true : undefined)}
        aria-describedby={describedBy(id, { hasHint, hasError, extra: extraDescribedBy })}
        className={controlClassName(hasError, cx("pr-10", selectClassName))}
      >
        {children}
      </select>
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
