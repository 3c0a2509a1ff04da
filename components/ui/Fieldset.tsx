import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { cx } from "./cx";
import { describedBy, fieldIds, hasContent } from "./field-ids";

export type FieldsetProps = Omit<ComponentPropsWithRef<"fieldset">, "id"> & {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shows "(obligatoire)" after the legend; set `required` on the inputs themselves too. */
  required?: boolean;
  /** Renders the legend like a section heading instead of a field label. */
  legendSize?: "field" | "section";
  children: ReactNode;
};

/**
 * A group of related fields (radio buttons, checkboxes, an address...) with its legend, hint and error.
 * The error is linked to the group with aria-describedby and shown in red under the fields.
 */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  required,
  legendSize = "field",
  children,
  className,
  "aria-describedby": extraDescribedBy,
  ...fieldsetProps
}: FieldsetProps) {
  const hasHint = hasContent(hint);
  const hasError = hasContent(error);
  const { hintId, errorId } = fieldIds(id);
  return (
    <fieldset
      {...fieldsetProps}
      id={id}
      aria-describedby={describedBy(id, { hasHint, hasError, extra: extraDescribedBy })}
      className={cx("min-w-0", hasError && "border-l-2 border-error pl-3", className)}
    >
      <legend className={cx("text-grey-950", legendSize === "section" ? "text-xl font-bold" : "font-medium")}>
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {hasHint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <div className="mt-3 flex flex-col gap-3">{children}</div>
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}
