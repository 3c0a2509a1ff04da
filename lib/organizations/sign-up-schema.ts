import { z } from "zod";
import { newPasswordText, PASSWORD_MESSAGES } from "../accounts/password-rules";
import { normalizeIdentifier, siretProblem } from "./identifiers";

export { MIN_PASSWORD_LENGTH } from "../accounts/password-rules";

const requiredText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Saisissez ${label}.`)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`);

export const signUpSchema = z
  .object({
    name: requiredText("vos nom et prénom", 120),
    email: z
      .string()
      .trim()
      .min(1, "Saisissez votre adresse e-mail.")
      .max(254, "L'adresse e-mail ne peut pas dépasser 254 caractères.")
      .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
      .transform((email) => email.toLowerCase()),
    password: newPasswordText,
    passwordConfirmation: z.string().min(1, PASSWORD_MESSAGES.confirm),
    legalName: requiredText("la raison sociale", 200),
    siret: z
      .string()
      .min(1, "Saisissez le numéro SIRET.")
      .superRefine((value, ctx) => {
        const problem = siretProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform(normalizeIdentifier),
    address: requiredText("l'adresse postale", 500),
    isLegalRepresentative: z.boolean(),
  })
  .refine((data) => data.password === data.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: PASSWORD_MESSAGES.mismatch,
  });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;
