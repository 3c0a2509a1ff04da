import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "./cx";
import { Field, type LabelledProps } from "./Field";
import { controlClassName } from "./field-styles";

export type SelectProps = Omit<ComponentPropsWithRef<"select">, "id" | "name"> &
  LabelledProps & {
    /** The <option> elements. */
    children: ReactNode;
    /** Classes of the select itself. */
    selectClassName?: string;
  };

/** A labelled native select, same pattern as TextField (accepts react-hook-form's register()). */
export function Select({ id, label, hint, error, required, children, className, selectClassName, "aria-describedby": extra, "aria-invalid": invalid, ...selectProps }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className} aria-describedby={extra} aria-invalid={invalid}>
      {(control, hasError) => (
        <select {...selectProps} {...control} className={controlClassName(hasError, cx("pr-10", selectClassName))}>
          {children}
        </select>
      )}
    </Field>
  );
}
