import { z } from "zod";

// Pure and light: the rules of a new password that every form shares with its server (ADR 0021). The dictionary check
// lives in password-strength.ts, which the browser loads only when someone types a password.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_PASSWORD_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export const PASSWORD_MESSAGES = {
  tooShort: `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  tooLong: `Le mot de passe ne peut pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`,
  common: "Ce mot de passe fait partie des mots de passe les plus répandus : choisissez-en un autre.",
  weak: "Ce mot de passe est trop facile à deviner.",
  personal: "Le mot de passe ne doit pas reprendre votre nom ou votre adresse e-mail.",
  confirm: "Confirmez le mot de passe.",
  mismatch: "Les deux mots de passe ne correspondent pas.",
  unchanged: "Le nouveau mot de passe doit être différent de l'actuel.",
} as const;

export const PASSWORD_HINT = `Au moins ${MIN_PASSWORD_LENGTH} caractères. Une phrase de passe facile à retenir convient ; les mots de passe courants ou faciles à deviner sont refusés.`;

export const SCORE_LABELS: Record<PasswordScore, string> = {
  0: "très faible",
  1: "faible",
  2: "moyenne",
  3: "bonne",
  4: "très bonne",
};

/** The length rule, as every schema of a new password has it (the strength is checked apart, on the server). */
export const newPasswordText = z.string().min(MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES.tooShort).max(MAX_PASSWORD_LENGTH, PASSWORD_MESSAGES.tooLong);

/** A new password and its confirmation. */
export const newPasswordSchema = z
  .object({ password: newPasswordText, passwordConfirmation: z.string().min(1, PASSWORD_MESSAGES.confirm) })
  .refine((v) => v.password === v.passwordConfirmation, { path: ["passwordConfirmation"], message: PASSWORD_MESSAGES.mismatch });
