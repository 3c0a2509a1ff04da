import type { ReactNode } from "react";
import { cx } from "../ui/cx";

export type PageHeadingProps = {
  title: ReactNode;
  /** Introductory paragraph under the title. */
  lead?: ReactNode;
  /** Extra content under the lead, e.g. a status badge or action buttons. */
  children?: ReactNode;
  id?: string;
  className?: string;
};

/** The page's single h1, with an optional lead paragraph. */
export function PageHeading({ title, lead, children, id, className }: PageHeadingProps) {
  return (
    <div className={cx("mb-8", className)}>
      <h1 id={id} className="text-3xl font-bold leading-tight text-grey-950 md:text-4xl">
        {title}
      </h1>
      {lead ? <p className="mt-4 max-w-3xl text-lg text-grey-800 md:text-xl">{lead}</p> : null}
      {children ? <div className="mt-4">{children}</div> : null}
    </div>
  );
}
