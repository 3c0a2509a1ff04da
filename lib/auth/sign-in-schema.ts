import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").max(254, "Adresse e-mail trop longue."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});

export type SignInInput = z.infer<typeof signInSchema>;
