import { z } from "zod";
import { normalizeIdentifier, siretProblem } from "./identifiers";

export const MIN_PASSWORD_LENGTH = 12;

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
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
      .max(200, "Le mot de passe ne peut pas dépasser 200 caractères."),
    passwordConfirmation: z.string().min(1, "Confirmez le mot de passe."),
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
    message: "Les deux mots de passe ne correspondent pas.",
  });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;
