import type { ReactNode } from "react";

export type FieldErrorProps = {
  id: string;
  children: ReactNode;
};

/** The red error text shown under a form field; its id is referenced by the field's aria-describedby. */
export function FieldError({ id, children }: FieldErrorProps) {
  return (
    <p id={id} className="mt-2 flex items-start gap-1.5 text-sm font-medium text-error">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="mt-0.5 size-4 shrink-0 fill-current">
        <path d="M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-1-7v2h2v-2h-2Zm0-8v6h2V7h-2Z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
