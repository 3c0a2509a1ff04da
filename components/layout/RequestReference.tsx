"use client";

import { useEffect, useSyncExternalStore } from "react";

// The id of the request that rendered the page (X-Request-Id, ADR 0025), kept in the browser so that the error pages
// can show it for support to find the log lines. Written by the root layout, read by app/error.tsx and
// app/global-error.tsx (which replaces the whole document, hence a window property rather than a React context).

declare global {
  interface Window {
    __rorRequestId?: string;
  }
}

/** Remembers this page's request id; renders nothing. */
export function RequestReference({ id }: { id: string | null }) {
  useEffect(() => {
    if (id) window.__rorRequestId = id;
  }, [id]);
  return null;
}

const noSubscription = () => () => {};

/** The page's request id once in the browser; null during server rendering. */
export function usePageRequestId(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.__rorRequestId ?? null,
    () => null,
  );
}
