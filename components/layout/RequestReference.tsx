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

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Remembers this page's request id; renders nothing. An error page already shown updates. */
export function RequestReference({ id }: { id: string | null }) {
  useEffect(() => {
    if (!id) return;
    window.__rorRequestId = id;
    for (const listener of listeners) listener();
  }, [id]);
  return null;
}

/** The page's request id once in the browser; null during server rendering and until the layout has given it. */
export function usePageRequestId(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => window.__rorRequestId ?? null,
    () => null,
  );
}
