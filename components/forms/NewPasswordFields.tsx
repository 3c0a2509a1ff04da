import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/TextField";
import { MIN_PASSWORD_LENGTH } from "@/lib/organizations/sign-up-schema";

/** A new password and its confirmation, as every form that sets one shows them (password managers included). */
export function NewPasswordFields({
  password,
  confirmation,
  errors,
}: {
  password: UseFormRegisterReturn<"password">;
  confirmation: UseFormRegisterReturn<"passwordConfirmation">;
  errors: { password?: string; passwordConfirmation?: string };
}) {
  return (
    <>
      <TextField
        id="password"
        label="Mot de passe"
        hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères. Une phrase de passe facile à retenir convient.`}
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        {...password}
      />
      <TextField
        id="passwordConfirmation"
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        required
        error={errors.passwordConfirmation}
        {...confirmation}
      />
    </>
  );
}
