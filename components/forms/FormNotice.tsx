import { Alert } from "@/components/ui/Alert";

/** A polite live region present from the start, where a form that stays on the page says what it did. */
export function FormNotice({ notice }: { notice?: string }) {
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {notice ? <Alert variant="success">{notice}</Alert> : null}
    </div>
  );
}
