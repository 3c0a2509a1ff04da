import { z } from "zod";

// A closed list: an event type that is not here cannot be written.
export const auditEventType = z.enum([
  "user.signed_up",
  "user.signed_in",
  "user.sign_in_failed",
  "user.sign_in_rate_limited",
  "user.signed_out",
  "organization.created",
]);

export type AuditEventType = z.infer<typeof auditEventType>;

export const auditEventLabels: Record<AuditEventType, string> = {
  "user.signed_up": "Création de compte",
  "user.signed_in": "Connexion",
  "user.sign_in_failed": "Échec de connexion",
  "user.sign_in_rate_limited": "Connexion bloquée (trop de tentatives)",
  "user.signed_out": "Déconnexion",
  "organization.created": "Création de l'organisation",
};
