import Link from "next/link";
import { cx } from "../ui/cx";

export type BreadcrumbItem = {
  label: string;
  /** Omit for the current page (the last item). */
  href?: string;
};

export type BreadcrumbProps = {
  items: BreadcrumbItem[];
  className?: string;
};

/** "Fil d'Ariane": the path from the home page to the current page, which is the last item. */
export function Breadcrumb({ items, className }: BreadcrumbProps) {
  return (
    <nav aria-label="Fil d'Ariane" className={cx("mb-6 text-sm", className)}>
      <ol className="flex flex-wrap items-center gap-y-1">
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex items-center">
              {index > 0 ? (
                <svg
                  aria-hidden="true"
                  focusable="false"
                  viewBox="0 0 24 24"
                  className="mx-1 size-4 shrink-0 fill-current text-grey-600"
                >
                  <path d="m13.172 12-4.95-4.95 1.414-1.414L16 12l-6.364 6.364-1.414-1.414z" />
                </svg>
              ) : null}
              {isLast || !item.href ? (
                <span aria-current={isLast ? "page" : undefined} className="text-grey-800">
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className="text-grey-600 hover:text-grey-950">
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
