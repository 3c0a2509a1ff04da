import type { ComponentPropsWithRef } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { cx } from "./cx";
import { fieldState, type LabelledProps } from "./Field";

export type CheckboxProps = Omit<ComponentPropsWithRef<"input">, "id" | "name" | "type"> &
  LabelledProps;

/**
 * A checkbox with its label on the right, an optional hint under the label and the error in red below.
 * Accepts react-hook-form's `{...register("x")}` and plain `defaultChecked` / `required` / `value`.
 */
export function Checkbox({ id, label, hint, error, required, className, "aria-describedby": extra, "aria-invalid": invalid, ...inputProps }: CheckboxProps) {
  const { hasHint, hasError, hintId, errorId, control } = fieldState({ id, label, hint, error, required, "aria-describedby": extra, "aria-invalid": invalid });
  return (
    <div className={cx(hasError && "border-l-2 border-error pl-3", className)}>
      <div className="flex items-start gap-3">
        <input
          {...inputProps}
          {...control}
          type="checkbox"
          className="mt-0.5 size-5 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed"
        />
        <div className="min-w-0">
          <label htmlFor={id} className="cursor-pointer text-grey-950">
            {label}
            {required ? <RequiredMark /> : null}
          </label>
          {hasHint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
        </div>
      </div>
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
