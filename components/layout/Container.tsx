import type { ReactNode } from "react";
import { cx } from "../ui/cx";

export type ContainerProps = {
  children: ReactNode;
  className?: string;
};

/**
 * The page width and side padding shared with the header and the footer.
 * Pages wrap their content in it (the layout's <main> adds no padding), so a page may also
 * place full-width colored bands between containers.
 */
export function Container({ children, className }: ContainerProps) {
  return <div className={cx("container-page", className)}>{children}</div>;
}
