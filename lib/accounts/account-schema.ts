import { z } from "zod";
import { newPasswordText, PASSWORD_MESSAGES } from "./password-rules";

// Pure: the forms of the account pages (recovery, the account page, the forced first change, administrators' acts on
// editor accounts). Shared by the browser (react-hook-form) and the server.

export const emailAddress = z
  .string()
  .trim()
  .min(1, "Saisissez votre adresse e-mail.")
  .max(254, "L'adresse e-mail ne peut pas dépasser 254 caractères.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
  .transform((email) => email.toLowerCase());

const currentPassword = z.string().min(1, "Saisissez votre mot de passe actuel.").max(200, "Mot de passe trop long.");

export const recoveryRequestSchema = z.object({ email: emailAddress });
export type RecoveryRequestInput = z.input<typeof recoveryRequestSchema>;

export const renameSchema = z.object({
  name: z.string().trim().min(1, "Saisissez vos nom et prénom.").max(120, "Ce champ ne peut pas dépasser 120 caractères."),
});
export type RenameInput = z.input<typeof renameSchema>;

export const emailChangeSchema = z.object({ email: emailAddress, currentPassword });
export type EmailChangeInput = z.input<typeof emailChangeSchema>;

export const passwordChangeSchema = z
  .object({ currentPassword, password: newPasswordText, passwordConfirmation: z.string().min(1, PASSWORD_MESSAGES.confirm) })
  .refine((v) => v.password === v.passwordConfirmation, { path: ["passwordConfirmation"], message: PASSWORD_MESSAGES.mismatch })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: PASSWORD_MESSAGES.unchanged });
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;

/** Why an administrator disables or re-enables an editor account: told to the person. */
export const accountStatusReason = z
  .string()
  .trim()
  .min(5, "Indiquez le motif (5 caractères au moins) : il est communiqué à la personne.")
  .max(500, "Le motif ne peut pas dépasser 500 caractères.")
  .refine((v) => !/[<>]/.test(v), "Le motif ne peut pas contenir les caractères < ni >.");

export const editorAccountStatusSchema = z.object({
  reason: accountStatusReason,
  confirm: z.literal(true, { error: "Cochez la case pour confirmer." }),
});
export type EditorAccountStatusInput = z.input<typeof editorAccountStatusSchema>;
