// What a PLATINES session record must hold, checked before anything is stored. Pure: the files' sizes and names
// come in, French messages go out, keyed by the form field they belong to.
import { z } from "zod";
import { JUNIT_REPORT_ERRORS, MAX_JUNIT_REPORT_BYTES } from "./junit-report";

export { formatBytes } from "../uploads/upload-rules";

export { MAX_JUNIT_REPORT_BYTES };
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 3;
export const SESSION_TYPES = ["SANDBOX", "ACCEPTANCE", "CERTIFICATION"] as const;

export const SUBMISSION_ERRORS = {
  reportMissing: "Joignez le rapport JUnit au format XML produit par la session PLATINES.",
  evidenceTooLarge: (name: string) => `La pièce justificative « ${name} » dépasse la taille maximale de 20 Mio.`,
  evidenceEmpty: (name: string) => `La pièce justificative « ${name} » est vide.`,
  tooManyEvidence: `Joignez au plus ${MAX_EVIDENCE_FILES} pièces justificatives.`,
  ranInFuture: "La date d'exécution ne peut pas être dans le futur.",
  ranTooLongAgo: "La date d'exécution est antérieure à 2015 : vérifiez-la.",
  planUnknown: "Choisissez l'un des plans de tests qui s'appliquent à ce service.",
} as const;

/** Paris calendar day of an instant, as "YYYY-MM-DD". */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function submissionFieldsSchema(now: Date) {
  const today = parisDay(now);
  return z.object({
    serviceId: z.string().uuid("Service introuvable."),
    planId: z.string({ error: SUBMISSION_ERRORS.planUnknown }).uuid(SUBMISSION_ERRORS.planUnknown),
    sessionType: z.enum(SESSION_TYPES, { error: "Choisissez le type de session : bac à sable, recette ou homologation." }),
    sessionIdentifier: z
      .string({ error: "Saisissez l'identifiant de la session PLATINES." })
      .trim()
      .min(1, "Saisissez l'identifiant de la session PLATINES.")
      .max(100, "L'identifiant de session ne peut pas dépasser 100 caractères.")
      .regex(/^[^\u0000-\u001f\u007f]+$/, "L'identifiant de session ne peut pas contenir de caractères de contrôle."),
    ranOn: z
      .string({ error: "Saisissez la date d'exécution de la session." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Saisissez la date d'exécution au format jj/mm/aaaa.")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "Cette date n'existe pas.")
      .refine((value) => value <= today, SUBMISSION_ERRORS.ranInFuture)
      .refine((value) => value >= "2015-01-01", SUBMISSION_ERRORS.ranTooLongAgo),
  });
}

export type FileFacts = { name: string; size: number };

/**
 * Size checks that need no byte of content: done before reading any file. Field keys: "report", "evidence".
 * Returns an empty object when the sizes are acceptable.
 */
export function fileSizeErrors(report: FileFacts | null, evidence: readonly FileFacts[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (report === null) errors.report = SUBMISSION_ERRORS.reportMissing;
  else if (report.size > MAX_JUNIT_REPORT_BYTES) errors.report = JUNIT_REPORT_ERRORS.tooLarge;
  if (evidence.length > MAX_EVIDENCE_FILES) errors.evidence = SUBMISSION_ERRORS.tooManyEvidence;
  else {
    const big = evidence.find((file) => file.size > MAX_EVIDENCE_BYTES);
    const empty = evidence.find((file) => file.size === 0);
    if (big) errors.evidence = SUBMISSION_ERRORS.evidenceTooLarge(big.name);
    else if (empty) errors.evidence = SUBMISSION_ERRORS.evidenceEmpty(empty.name);
  }
  return errors;
}

const EVIDENCE_TYPES: Record<string, string> = {
  zip: "application/zip",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  txt: "text/plain; charset=utf-8",
  log: "text/plain; charset=utf-8",
  html: "application/octet-stream",
  xml: "application/xml",
};

/**
 * The media type stored with an evidence file, from its extension only (never trusted from the browser). Anything
 * unknown, and HTML, is stored as opaque bytes: it is always downloaded, never shown inline.
 */
export function evidenceMediaType(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return EVIDENCE_TYPES[extension] ?? "application/octet-stream";
}
