import type { ReactNode } from "react";

export type FieldHintProps = {
  id: string;
  children: ReactNode;
};

/** The grey hint text shown between a field's label and its input. */
export function FieldHint({ id, children }: FieldHintProps) {
  return (
    <p id={id} className="mt-1 text-sm text-grey-600">
      {children}
    </p>
  );
}
