"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Alert } from "./Alert";

type Notify = (message: string) => void;
const NoticeContext = createContext<Notify>(() => {});

/**
 * A polite live region present from page load: buttons inside report what they did here, because the row
 * they sit in may move or disappear once the page is refreshed.
 */
export function NoticeArea({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string>();
  const notify = useCallback<Notify>((m) => setMessage(m), []);
  return (
    <NoticeContext.Provider value={notify}>
      <div role="status" aria-live="polite" className="empty:hidden mb-6">
        {message ? <Alert variant="success">{message}</Alert> : null}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
