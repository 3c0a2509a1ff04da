import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "tertiary";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 font-medium leading-6 no-underline " +
  "transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-primary text-white hover:bg-primary-hover active:bg-primary-active " +
    "disabled:bg-disabled disabled:text-grey-600 aria-disabled:bg-disabled aria-disabled:text-grey-600",
  secondary:
    "bg-white text-primary shadow-[inset_0_0_0_1px_var(--color-primary)] hover:bg-primary-light " +
    "active:bg-primary-lighter disabled:text-grey-600 disabled:shadow-[inset_0_0_0_1px_var(--color-grey-400)] " +
    "disabled:hover:bg-white",
  tertiary:
    "bg-transparent text-primary underline underline-offset-4 hover:bg-primary-light " +
    "active:bg-primary-lighter disabled:text-grey-600 disabled:no-underline disabled:hover:bg-transparent",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-8 px-3 py-1 text-sm",
  md: "min-h-10 px-4 py-2 text-base",
  lg: "min-h-12 px-6 py-2 text-lg",
};

/** Class names shared by <Button> and <ButtonLink>, so both look the same. */
export function buttonClassName(
  options: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean; className?: string } = {},
): string {
  const { variant = "primary", size = "md", fullWidth = false, className } = options;
  return cx(base, variants[variant], sizes[size], fullWidth && "w-full", className);
}
