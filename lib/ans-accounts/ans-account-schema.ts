import { z } from "zod";

// Pure: the forms of ANS account management (administrators only).

export const createAnsAccountSchema = z.object({
  name: z.string().trim().min(1, "Saisissez les nom et prénom.").max(120, "Ce champ ne peut pas dépasser 120 caractères."),
  email: z
    .string()
    .trim()
    .min(1, "Saisissez l'adresse e-mail.")
    .max(254, "L'adresse e-mail ne peut pas dépasser 254 caractères.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple prenom.nom@esante.gouv.fr."))
    .transform((email) => email.toLowerCase()),
  admin: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type CreateAnsAccountInput = z.input<typeof createAnsAccountSchema>;

export const ANS_ACCOUNT_MESSAGES = {
  notFound: "Ce compte ANS est introuvable.",
  adminsOnly: "Seul un administrateur ANS peut gérer les comptes de l'ANS.",
  emailTaken: "Un compte existe déjà avec cette adresse e-mail.",
  lastAdmin: "C'est le dernier administrateur actif : nommez d'abord un autre administrateur.",
  self: "Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle d'administrateur.",
  selfReset: "Pour changer votre propre mot de passe, utilisez la page « Mon compte ».",
} as const;

/** An account of the ANS space: a reviewer, an administrator, or both. */
export function isAnsAccount(roles: readonly string[]): boolean {
  return roles.includes("ANS_REVIEWER") || roles.includes("ANS_ADMIN");
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * A one-time password shown once to the administrator: 20 characters from an unambiguous alphabet (no 0/O, 1/l/I),
 * in groups of 5 for reading aloud. `random` gives bytes (crypto.randomBytes on the server).
 */
export function oneTimePassword(random: (size: number) => Uint8Array): string {
  const chars: string[] = [];
  // Rejection sampling: no modulo bias.
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < 20) {
    for (const byte of random(32)) {
      if (byte < limit && chars.length < 20) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
