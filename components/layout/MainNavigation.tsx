"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent } from "@/lib/auth/navigation";
import { cx } from "../ui/cx";

export type MainNavigationItem = { href: string; label: string; count?: { value: string; label: string } };

/** Client-side so the current entry follows soft navigations, which do not re-render the root layout. */
export function MainNavigation({ items }: { items: MainNavigationItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Navigation principale" className="border-t border-grey-200">
      <ul className="container-page flex flex-wrap gap-x-2">
        {items.map((item) => {
          const current = isCurrent(
            item.href,
            pathname,
            items.map((i) => i.href),
          );
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "inline-flex min-h-12 items-center px-3 py-3 text-sm font-medium no-underline hover:bg-grey-50",
                  current ? "text-primary shadow-[inset_0_-2px_0_0_var(--color-primary)]" : "text-grey-950",
                )}
              >
                {item.label}
                {item.count ? (
                  <>
                    <span aria-hidden="true" className="ml-1.5 inline-block min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-bold leading-5 text-white">
                      {item.count.value}
                    </span>
                    <span className="sr-only"> ({item.count.label})</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
