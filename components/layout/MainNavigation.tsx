"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { isCurrent } from "@/lib/auth/navigation";
import { cx } from "../ui/cx";

export type MainNavigationItem = { href: string; label: string; count?: { value: string; label: string } };

/**
 * The main navigation, from one list of items. From the `md` width up, a row of links. Below it, the links collapse
 * behind a "Menu" button (a disclosure: aria-expanded, aria-controls; Escape closes it and gives the focus back to
 * the button); it closes by itself on the next page.
 * Client-side so the current entry follows soft navigations, which do not re-render the root layout.
 */
export function MainNavigation({ items }: { items: MainNavigationItem[] }) {
  const pathname = usePathname();
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open on the page where it was opened only: following a link closes it, with no effect to run.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const hrefs = items.map((i) => i.href);
  const current = items.find((item) => isCurrent(item.href, pathname, hrefs));

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <nav aria-label="Navigation principale" className="border-t border-grey-200" onKeyDown={closeOnEscape}>
      <div className="container-page md:hidden">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="-mx-3 inline-flex min-h-12 items-center gap-2 px-3 py-2 text-sm font-medium text-primary hover:bg-grey-50"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
          {current && !open ? <span className="font-normal text-grey-800">· {current.label}</span> : null}
        </button>
      </div>
      <ul
        id={listId}
        className={cx(
          "container-page md:flex md:flex-row md:flex-wrap md:gap-x-2 md:border-t-0 md:pb-0",
          open ? "flex flex-col border-t border-grey-200 pb-2" : "hidden",
        )}
      >
        {items.map((item) => {
          const isCurrentItem = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrentItem ? "page" : undefined}
                className={cx(
                  "flex min-h-12 items-center px-3 py-3 text-sm font-medium no-underline hover:bg-grey-50 md:inline-flex",
                  isCurrentItem
                    ? "text-primary shadow-[inset_2px_0_0_0_var(--color-primary)] md:shadow-[inset_0_-2px_0_0_var(--color-primary)]"
                    : "text-grey-950",
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
