import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";

export type CardProps = {
  title: ReactNode;
  titleAs?: "h2" | "h3" | "h4";
  /** When set, the title is a link and the whole card is clickable. */
  href?: string;
  /** A short line above the title (e.g. a status or a category). */
  eyebrow?: ReactNode;
  children?: ReactNode;
  /** Bottom area, e.g. buttons or a date. Do not put links here when `href` is set. */
  footer?: ReactNode;
  className?: string;
};

/** A bordered block with a title, a body and an optional footer; with a blue bottom bar when clickable. */
export function Card({ title, titleAs: Title = "h3", href, eyebrow, children, footer, className }: CardProps) {
  return (
    <div
      className={cx(
        "relative flex flex-col border border-grey-200 bg-white p-6",
        href && "shadow-[inset_0_-4px_0_0_var(--color-primary)] hover:bg-grey-50",
        className,
      )}
    >
      {eyebrow ? <p className="mb-2 text-sm text-grey-600">{eyebrow}</p> : null}
      <Title className="text-xl font-bold leading-snug text-grey-950">
        {href ? (
          <Link
            href={href}
            className="text-primary no-underline after:absolute after:inset-0 after:content-[''] hover:underline"
          >
            {title}
          </Link>
        ) : (
          title
        )}
      </Title>
      {children ? <div className="mt-3 flex-1 space-y-2 text-grey-800">{children}</div> : null}
      {footer ? <div className="mt-4">{footer}</div> : null}
    </div>
  );
}
