import Link from "next/link";
import type { ComponentPropsWithRef } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";

export type ButtonLinkProps = ComponentPropsWithRef<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/** A Next.js link that looks like a button (for navigation, not for actions). */
export function ButtonLink({ variant, size, fullWidth, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClassName({ variant, size, fullWidth, className })} {...props} />;
}
