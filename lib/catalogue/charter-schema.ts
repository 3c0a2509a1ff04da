import { z } from "zod";
import { parseCharterDocument } from "./charter-document";

export const MAX_CHARTER_BODY_LENGTH = 200_000;
const formatCount = (n: number) => n.toLocaleString("fr-FR").replace(/\s/g, " ");

/** What an ANS administrator submits to publish a new version of the charter. */
export const publishCharterSchema = z.object({
  version: z
    .string()
    .trim()
    .min(1, "Saisissez le numéro de version.")
    .max(20, "Le numéro de version ne peut pas dépasser 20 caractères.")
    .regex(/^\d+(\.\d+){0,3}$/, "Saisissez un numéro de version fait de nombres séparés par des points, par exemple 0.2 ou 1.0."),
  title: z
    .string()
    .trim()
    .min(1, "Saisissez le titre de la charte.")
    .max(200, "Le titre ne peut pas dépasser 200 caractères."),
  body: z
    .string()
    .trim()
    .min(1, "Saisissez le texte de la charte.")
    .max(MAX_CHARTER_BODY_LENGTH, `Le texte ne peut pas dépasser ${formatCount(MAX_CHARTER_BODY_LENGTH)} caractères.`)
    .refine(
      (body) => parseCharterDocument(body).sections.length > 0,
      "Le texte doit contenir au moins une section : une ligne qui commence par « ## » suivie de son titre.",
    ),
});

export type PublishCharterInput = z.input<typeof publishCharterSchema>;

/** What a legal representative submits to accept the current version for their organisation. */
export const acceptCharterSchema = z.object({
  organizationId: z.uuid("Organisation inconnue."),
  version: z.string().trim().min(1).max(20),
  accepted: z.boolean().refine((value) => value, "Cochez la case pour accepter la charte."),
});

export type AcceptCharterInput = z.input<typeof acceptCharterSchema>;
