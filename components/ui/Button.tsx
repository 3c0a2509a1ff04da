import type { ComponentPropsWithRef } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/**
 * A button in the portal's style. Every native button prop (type, disabled, onClick, form,
 * formAction, ref...) is forwarded. Like the HTML element, `type` defaults to "submit".
 */
export function Button({ variant, size, fullWidth, className, type = "submit", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, fullWidth, className })} {...props} />;
}
