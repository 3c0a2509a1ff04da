import type { ReactNode } from "react";
import { cx } from "./cx";

export type TableScrollProps = {
  children: ReactNode;
  className?: string;
} & (
  | {
      /** The table's name, as its caption says it: the box is a named region the keyboard can reach. */
      label: string;
      labelledBy?: never;
    }
  | {
      /** Or the id of the table's caption, when the caption is more than text. */
      labelledBy: string;
      label?: never;
    }
);

/**
 * Keeps a table wider than the screen in its own horizontally scrolling box, so the page keeps the screen's width
 * (a phone is 360 to 430 px wide). Focusable, so that a keyboard user can scroll it with the arrow keys (WCAG 2.1.1).
 */
export function TableScroll({ label, labelledBy, children, className }: TableScrollProps) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className={cx("relative max-w-full overflow-x-auto", className)}>
      {children}
    </div>
  );
}
