import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "./cx";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { describedBy, fieldIds, hasContent } from "./field-ids";
import { fieldGroupClassName } from "./field-styles";

export type FileFieldProps = Omit<ComponentPropsWithRef<"input">, "type" | "id"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
};

/** A file input with the same label / hint / error layout as the other fields. */
export function FileField({ id, label, hint, error, className, ...inputProps }: FileFieldProps) {
  const { hintId, errorId } = fieldIds(id);
  const hasError = hasContent(error);
  return (
    <div className={fieldGroupClassName(hasError, className)}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hasContent(hint) && <FieldHint id={hintId}>{hint}</FieldHint>}
      <input
        id={id}
        type="file"
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, { hasHint: hasContent(hint), hasError })}
        className={cx(
          "mt-2 block w-full text-sm file:mr-4 file:border file:border-primary file:bg-white file:px-4 file:py-2 file:text-primary hover:file:bg-primary-lighter",
        )}
        {...inputProps}
      />
      {hasError && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
