"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";

type Notify = (message: string) => void;
const NoticeContext = createContext<Notify>(() => {});

/**
 * A polite live region present from page load, at the top of the URL section: adding and removing a URL report
 * here, because the row of a removed URL disappears once the page is refreshed.
 */
export function UrlNoticeArea({ children }: { children: ReactNode }) {
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

export function useUrlNotice(): Notify {
  return useContext(NoticeContext);
}
