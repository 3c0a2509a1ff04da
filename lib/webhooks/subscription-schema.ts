import { z } from "zod";
import { versionFieldWith } from "../concurrency";
import { parseProvidedSecret } from "./secret-rules";
import { webhookTypeSchema } from "./types";
import { parseWebhookUrl } from "./url-rules";

// Pure: the subscription forms, the same rules in the browser and in the use cases. The browser checks what needs no
// DNS (the server then resolves the host and applies the deployment's address policy).

export const NAME_MESSAGE = "Saisissez un nom de 3 à 80 caractères, par exemple « Passerelle de production ».";
export const TYPES_MESSAGE = "Choisissez au moins un type d'événement.";
export const OVERLAP_MESSAGE = "Saisissez une durée entière de 0 à 168 heures (7 jours).";
export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 168;

const name = z.string(NAME_MESSAGE).trim().min(3, NAME_MESSAGE).max(80, NAME_MESSAGE);
const url = z.string("Saisissez l'URL du récepteur.").superRefine((value, context) => {
  const parsed = parseWebhookUrl(value, { allowLoopback: true });
  if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
});
const eventTypes = z.array(webhookTypeSchema, TYPES_MESSAGE).min(1, TYPES_MESSAGE).max(50, TYPES_MESSAGE);
/** Blank: the portal generates one. */
const providedSecret = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (!value || value.trim() === "") return;
    const parsed = parseProvidedSecret(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
  });
const version = versionFieldWith("Rechargez la page : la version de l'abonnement est illisible.");

export const createSubscriptionSchema = z.object({ name, url, eventTypes, secret: providedSecret });
export const updateSubscriptionSchema = z.object({ name, url, eventTypes, version });
export const rotateSecretSchema = z.object({
  secret: providedSecret,
  overlapHours: z.coerce.number(OVERLAP_MESSAGE).int(OVERLAP_MESSAGE).min(0, OVERLAP_MESSAGE).max(MAX_OVERLAP_HOURS, OVERLAP_MESSAGE),
  version,
});

export type CreateSubscriptionValues = z.input<typeof createSubscriptionSchema>;
export type UpdateSubscriptionValues = z.input<typeof updateSubscriptionSchema>;
export type RotateSecretValues = z.input<typeof rotateSecretSchema>;
