import type { ReactNode } from "react";
import { cx } from "./cx";

export type Step = {
  title: ReactNode;
  description?: ReactNode;
};

export type StepListProps = {
  steps: Step[];
  /** Element of each step title; h3 fits a list placed under an h2. */
  titleAs?: "h2" | "h3" | "h4" | "p";
  className?: string;
};

/**
 * A numbered list of steps (an ordered list, so screen readers announce "1 of 7").
 * The big visual number is decorative; the list's own numbering carries the meaning.
 */
export function StepList({ steps, titleAs: Title = "h3", className }: StepListProps) {
  return (
    <ol className={cx("space-y-6", className)}>
      {steps.map((step, index) => (
        <li key={index} className="relative flex gap-4">
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-full bg-primary text-lg font-bold text-white"
          >
            {index + 1}
          </span>
          <div className="min-w-0 flex-1 pt-1.5">
            <Title className="text-lg font-bold leading-snug text-grey-950">{step.title}</Title>
            {step.description ? <div className="mt-1 text-grey-800">{step.description}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
