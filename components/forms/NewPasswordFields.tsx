import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/TextField";
import { PASSWORD_HINT } from "@/lib/accounts/password-rules";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter";

/**
 * A new password and its confirmation, as every form that sets one shows them (password managers included), with
 * the strength meter under the password when the form passes the value being typed.
 */
export function NewPasswordFields({
  password,
  confirmation,
  errors,
  value,
  userInputs,
  label = "Mot de passe",
  idPrefix = "",
}: {
  password: UseFormRegisterReturn<"password">;
  confirmation: UseFormRegisterReturn<"passwordConfirmation">;
  errors: { password?: string; passwordConfirmation?: string };
  /** The password as typed (react-hook-form's watch("password")): shows the strength meter. */
  value?: string;
  /** The person's name and address, which the password must not lean on. */
  userInputs?: readonly string[];
  label?: string;
  /** Distinguishes the ids when a page has two such forms. */
  idPrefix?: string;
}) {
  const id = `${idPrefix}password`;
  return (
    <>
      <div>
        <TextField
          id={id}
          label={label}
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          required
          error={errors.password}
          aria-describedby={value === undefined ? undefined : `${id}-strength`}
          {...password}
        />
        {value === undefined ? null : <PasswordStrengthMeter id={`${id}-strength`} password={value} userInputs={userInputs} />}
      </div>
      <TextField
        id={`${idPrefix}passwordConfirmation`}
        label={`Confirmation du ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        type="password"
        autoComplete="new-password"
        required
        error={errors.passwordConfirmation}
        {...confirmation}
      />
    </>
  );
}
