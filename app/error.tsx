"use client";

import { ErrorNotice } from "@/components/layout/ErrorNotice";

/** An error while rendering a page: the portal's frame stays, with the references to give to support. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} onRetry={reset} />;
}
