import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldHint } from "./FieldHint";
import { cx } from "./cx";
import { describedBy, fieldIds, hasContent } from "./field-ids";

export type RadioProps = Omit<ComponentPropsWithRef<"input">, "id" | "name" | "type"> & {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Classes of the wrapper. */
  className?: string;
};

/**
 * One radio button with its label on the right. Group radios in a <Fieldset>, which carries the
 * legend and the group's error. Accepts react-hook-form's `{...register("x")}` plus `value`.
 */
export function Radio({ id, label, hint, className, "aria-describedby": extraDescribedBy, ...inputProps }: RadioProps) {
  const hasHint = hasContent(hint);
  const { hintId } = fieldIds(id);
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        {...inputProps}
        id={id}
        type="radio"
        aria-describedby={describedBy(id, { hasHint, hasError: false, extra: extraDescribedBy })}
        className="mt-0.5 size-5 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="cursor-pointer text-grey-950">
          {label}
        </label>
        {hasHint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      </div>
    </div>
  );
}
