import type { ReactNode } from "react";

/** The confirmation step of a decision: a native <details> (keyboard usable) that opens the decision's form. */
export function DecisionPanel({ summary, children, tone = "neutral" }: { summary: string; children: ReactNode; tone?: "neutral" | "danger" }) {
  return (
    <details className={`border-l-4 bg-white p-4 ${tone === "danger" ? "border-error" : "border-primary"}`}>
      <summary className="cursor-pointer text-lg font-bold">{summary}</summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}
