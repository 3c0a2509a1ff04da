import type { AriaAttributes, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { RequiredMark } from "./RequiredMark";
import { describedBy, fieldIds, hasContent } from "./field-ids";
import { fieldGroupClassName } from "./field-styles";

/** What every labelled control shares: its label, hint and error, and the accessibility wiring between them. */
export type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Classes of the wrapper. */
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: AriaAttributes["aria-invalid"];
};

/** The props every labelled control component takes besides its element's own. */
export type LabelledProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Classes of the wrapper. */
  className?: string;
};

export type ControlProps = {
  id: string;
  required?: boolean;
  "aria-invalid"?: AriaAttributes["aria-invalid"];
  "aria-describedby"?: string;
};

/** The state of a field and the props its control takes (id, required, aria-invalid, aria-describedby). */
export function fieldState(frame: FieldFrameProps) {
  const hasHint = hasContent(frame.hint);
  const hasError = hasContent(frame.error);
  const { hintId, errorId } = fieldIds(frame.id);
  const control: ControlProps = {
    id: frame.id,
    required: frame.required,
    "aria-invalid": frame["aria-invalid"] ?? (hasError ? true : undefined),
    "aria-describedby": describedBy(frame.id, { hasHint, hasError, extra: frame["aria-describedby"] }),
  };
  return { hasHint, hasError, hintId, errorId, control };
}

/** The scaffold of TextField, TextArea and Select: label above, hint under it, the control, then the error in red. */
export function Field({ children, ...frame }: FieldFrameProps & { children: (control: ControlProps, hasError: boolean) => ReactNode }) {
  const { hasHint, hasError, hintId, errorId, control } = fieldState(frame);
  return (
    <div className={fieldGroupClassName(hasError, frame.className)}>
      <label htmlFor={frame.id} className="font-medium text-grey-950">
        {frame.label}
        {frame.required ? <RequiredMark /> : null}
      </label>
      {hasHint ? <FieldHint id={hintId}>{frame.hint}</FieldHint> : null}
      {children(control, hasError)}
      {hasError ? <FieldError id={errorId}>{frame.error}</FieldError> : null}
    </div>
  );
}
