// Pure, for the browser too: what an upload form shows once its request has ended (ADR 0026). A 2xx answer is the
// form's own state; a refusal is a problem (application/problem+json) whose field errors go next to the fields and
// whose detail is the form's error otherwise; a cancelled or broken request says that nothing was stored.
import type { FormResult } from "../form-result";

export type UploadOutcome = { kind: "answer"; status: number; body: unknown } | { kind: "cancelled" } | { kind: "failed" };

export const UPLOAD_OUTCOME_MESSAGES = {
  cancelled: "Envoi annulé : rien n'a été enregistré.",
  failed: "L'envoi n'a pas abouti (connexion interrompue ou refusée) : rien n'a été enregistré. Réessayez.",
  unreadable: "Réponse inattendue du serveur : rien n'a été enregistré. Réessayez dans un instant.",
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The refusal a failed outcome stands for; null when the outcome is a 2xx answer (the form reads its body). */
export function refusalOf(outcome: UploadOutcome): FormResult | null {
  if (outcome.kind === "cancelled") return { ok: false, fieldErrors: {}, formError: UPLOAD_OUTCOME_MESSAGES.cancelled };
  if (outcome.kind === "failed") return { ok: false, fieldErrors: {}, formError: UPLOAD_OUTCOME_MESSAGES.failed };
  if (outcome.status >= 200 && outcome.status < 300 && isRecord(outcome.body)) return null;
  const body = isRecord(outcome.body) ? outcome.body : {};
  const fieldErrors: Record<string, string> = {};
  if (isRecord(body.fieldErrors)) {
    for (const [field, message] of Object.entries(body.fieldErrors)) if (typeof message === "string") fieldErrors[field] = message;
  }
  const detail = typeof body.detail === "string" ? body.detail : typeof body.formError === "string" ? body.formError : UPLOAD_OUTCOME_MESSAGES.unreadable;
  return { ok: false, fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? undefined : detail };
}

/** "rapport.xml", or "rapport.xml et 2 autres fichiers". */
export function filesLabel(names: readonly string[]): string {
  if (names.length === 0) return "formulaire";
  if (names.length === 1) return names[0]!;
  const others = names.length - 1;
  return `${names[0]} et ${others} autre${others > 1 ? "s" : ""} fichier${others > 1 ? "s" : ""}`;
}

/** The progress milestone a screen reader is told of: every quarter, so that it is not flooded. */
export function announcedPercent(percent: number): number {
  return Math.min(100, Math.floor(percent / 25) * 25);
}
