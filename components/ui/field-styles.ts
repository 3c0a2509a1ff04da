import { cx } from "./cx";

/** Wrapper of a field: a red bar on the left when the field is in error, as in the DSFR. */
export function fieldGroupClassName(hasError: boolean, className?: string): string {
  return cx("flex flex-col", hasError && "border-l-2 border-error pl-3", className);
}

/** Text inputs, text areas and selects: grey background, dark bottom border (red when in error). */
export function controlClassName(hasError: boolean, className?: string): string {
  return cx(
    "mt-2 block w-full rounded-t-sm bg-grey-100 px-4 py-2 text-base text-grey-950 placeholder:text-grey-600",
    hasError ? "shadow-[inset_0_-2px_0_0_var(--color-error)]" : "shadow-[inset_0_-2px_0_0_var(--color-grey-800)]",
    "disabled:cursor-not-allowed disabled:text-grey-600 disabled:shadow-[inset_0_-2px_0_0_var(--color-grey-400)]",
    "[&[readonly]]:bg-grey-50",
    className,
  );
}
