import { formatDate, formatDateTime } from "../time";
import { allSignatories, MAX_CLIENT_SIGNATORIES, parseAdditionalSignatories, type ClientSignatory, type SigningOrder } from "./signatories";

// Pure: the content of an attestation as the PDF shows it. When the attestation is sent, this object is frozen
// (AttestationRound.content): the editor's name and address and the legal representative's name are copied
// from the organisation at that moment.

export type AttestationContent = {
  clientName: string;
  clientAddress: string;
  clientSignatoryLastName: string;
  clientSignatoryFirstName: string;
  clientSignatoryFunction: string;
  clientSiret: string;
  clientSignatoryEmail: string;
  editorName: string;
  editorAddress: string;
  editorSiret: string;
  editorLegalRepresentativeName: string;
  editorLegalRepresentativeEmail: string;
  serviceName: string;
  softwareName: string;
  /** YYYY-MM-DD, or "" in an incomplete draft. */
  orderSignedOn: string;
  softwareVersion: string;
  place: string;
  /** The "le …" of "Fait à … le …": the day it was sent (YYYY-MM-DD); the day of the preview for a draft. */
  madeOn: string;
  /**
   * Every client signatory, the first being the clientSignatory* fields above (kept for the previous release and
   * for content frozen before issue 27, which has none: see `contentSignatories`).
   */
  clientSignatories?: ClientSignatory[];
  signingOrder?: SigningOrder;
};

/** The content's client signatories: the frozen list, or the one signatory of older content. */
export function contentSignatories(content: AttestationContent): ClientSignatory[] {
  if (content.clientSignatories && content.clientSignatories.length > 0) return content.clientSignatories;
  return allSignatories(content, []);
}

const KEYS: Exclude<keyof AttestationContent, "clientSignatories" | "signingOrder">[] = [
  "clientName",
  "clientAddress",
  "clientSignatoryLastName",
  "clientSignatoryFirstName",
  "clientSignatoryFunction",
  "clientSiret",
  "clientSignatoryEmail",
  "editorName",
  "editorAddress",
  "editorSiret",
  "editorLegalRepresentativeName",
  "editorLegalRepresentativeEmail",
  "serviceName",
  "softwareName",
  "orderSignedOn",
  "softwareVersion",
  "place",
  "madeOn",
];

/** Reads frozen content back from JSON, refusing anything that is not the expected shape. */
export function parseAttestationContent(value: unknown): AttestationContent {
  if (typeof value !== "object" || value === null) throw new Error("attestation content is not an object");
  const record = value as Record<string, unknown>;
  const content = {} as AttestationContent;
  for (const key of KEYS) {
    const field = record[key];
    if (typeof field !== "string") throw new Error(`attestation content lacks ${key}`);
    content[key] = field;
  }
  if (Array.isArray(record.clientSignatories)) content.clientSignatories = parseAdditionalSignatories(record.clientSignatories, MAX_CLIENT_SIGNATORIES);
  if (record.signingOrder === "ORDERED" || record.signingOrder === "PARALLEL") content.signingOrder = record.signingOrder;
  return content;
}

/** "12 mars 2026" from "2026-03-12"; "" stays "". */
export function formatIsoDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return formatDate(new Date(`${day}T12:00:00Z`));
}

export function isoDay(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** "123 456 789 00012": the SIRET as people read it. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

export function clientSignatoryName(content: Pick<AttestationContent, "clientSignatoryFirstName" | "clientSignatoryLastName">): string {
  return [content.clientSignatoryFirstName, content.clientSignatoryLastName].filter((s) => s.trim() !== "").join(" ");
}

/** The sealed file's name: "Attestation client - <client> - <date>.pdf". */
export function sealedFileName(clientName: string, sealedAt: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(sealedAt);
  return `Attestation client - ${clientName.replace(/[\\/:*?"<>|]+/g, " ").slice(0, 120).trim()} - ${day}.pdf`;
}

// Building an Intl formatter is costly (it loads locale and time zone data): one for the process.
const parisTimeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "26 novembre 2026 à 10:15:03 (heure de Paris)". */
export function parisDateTime(date: Date): string {
  const time = parisTimeFormat.format(date);
  return `${formatDate(date)} à ${time} (heure de Paris)`;
}

export { formatDateTime };
