// Pure: what the organisation's evidence upload accepts (issue 22): one PDF of at most 10 MiB, its kind and its date.
import { formatBytes } from "../uploads/upload-rules";

export const MAX_EVIDENCE_PDF_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_KIND_LABELS = {
  REGISTER_EXTRACT: "Extrait Kbis ou avis de situation INSEE",
  DELEGATION: "Délégation de pouvoir",
} as const;

export const EVIDENCE_MESSAGES = {
  kind: "Choisissez le type de document.",
  date: "Indiquez la date du document (jj/mm/aaaa).",
  missing: "Choisissez le document à déposer (PDF).",
  notPdf: "Le document doit être un PDF : rien n'a été enregistré.",
  tooLarge: (name: string) => `« ${name} » dépasse ${formatBytes(MAX_EVIDENCE_PDF_BYTES)} : déposez un PDF plus léger.`,
} as const;

/** A PDF has "%PDF-" in its first 1024 bytes (ISO 32000-1, 7.5.2, as readers accept it); nothing more is parsed: ANS reads it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}
