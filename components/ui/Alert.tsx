import type { ReactNode } from "react";
import { cx } from "./cx";

export type AlertVariant = "info" | "success" | "warning" | "error";

export type AlertProps = {
  variant: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Announce the alert to screen readers when it appears: role="alert" for the error variant,
   * role="status" (polite) for the others. Leave unset for alerts present at page load.
   */
  live?: boolean;
  /** Element of the title: a paragraph by default, or a heading when the alert opens a section. */
  titleAs?: "p" | "h2" | "h3" | "h4";
  id?: string;
  className?: string;
};

const styles: Record<AlertVariant, { box: string; icon: string }> = {
  info: { box: "border-info bg-info-light", icon: "text-info" },
  success: { box: "border-success bg-success-light", icon: "text-success" },
  warning: { box: "border-warning bg-warning-light", icon: "text-warning" },
  error: { box: "border-error bg-error-light", icon: "text-error" },
};

const iconPaths: Record<AlertVariant, string> = {
  // Circled "i".
  info: "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-1-11v6h2v-6h-2Zm0-4v2h2V7h-2Z",
  // Circled check mark.
  success:
    "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-.997-6 7.07-7.071-1.414-1.414-5.656 5.657-2.829-2.829-1.414 1.414L11.003 16Z",
  // Triangle with "!".
  warning: "m12.866 3 9.526 16.5a1 1 0 0 1-.866 1.5H2.474a1 1 0 0 1-.866-1.5L11.134 3a1 1 0 0 1 1.732 0ZM11 16v2h2v-2h-2Zm0-7v5h2V9h-2Z",
  // Circled "!".
  error: "M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10Zm-1-7v2h2v-2h-2Zm0-8v6h2V7h-2Z",
};

/** A message box: info, success, warning or error, with an icon, an optional title and a body. */
export function Alert({ variant, title, children, live = false, titleAs: Title = "p", id, className }: AlertProps) {
  const role = live ? (variant === "error" ? "alert" : "status") : undefined;
  const style = styles[variant];
  return (
    <div id={id} role={role} className={cx("flex gap-3 border-l-4 px-4 py-3 text-grey-950", style.box, className)}>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        className={cx("mt-0.5 size-6 shrink-0 fill-current", style.icon)}
      >
        <path d={iconPaths[variant]} />
      </svg>
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <Title className="text-lg font-bold leading-snug text-grey-950">{title}</Title> : null}
        {children ? <div className="space-y-2">{children}</div> : null}
      </div>
    </div>
  );
}
