// The comparison between what an import said the gateway had and what the portal's own export now says (issue 25,
// ADR 0059): shown before anyone switches the gateway over to the portal. Pure.
import type { WhitelistEntry } from "../whitelist/entry";

export type Expected = { url: string; profileCode: string; authenticatedPerSecond: number | null; publicPerSecond: number | null };
export type ComparedLine = { lineNumber: number; enrolmentId: string; environment: string; fingerprintSha256: string | null; expected: Expected };
export type Comparison = { lineNumber: number; enrolmentId: string; verdict: "same" | "different" | "missing"; differences: string[] };

export function compareLine(line: ComparedLine, entry: WhitelistEntry | undefined): Comparison {
  const base = { lineNumber: line.lineNumber, enrolmentId: line.enrolmentId };
  if (!entry) return { ...base, verdict: "missing", differences: ["Absente de l'export du portail (habilitation suspendue, révoquée ou certificat expiré)."] };
  const differences: string[] = [];
  if (!entry.urls.includes(line.expected.url)) differences.push(`URL : ${line.expected.url} dans le fichier, ${entry.urls.join(", ") || "aucune"} dans l'export.`);
  if (entry.accessProfile.code !== line.expected.profileCode) differences.push(`Profil : ${line.expected.profileCode} dans le fichier, ${entry.accessProfile.code} dans l'export.`);
  if (line.expected.authenticatedPerSecond !== null && entry.quotas.authenticatedPerSecond !== line.expected.authenticatedPerSecond) {
    differences.push(`Quota authentifié : ${line.expected.authenticatedPerSecond} dans le fichier, ${entry.quotas.authenticatedPerSecond} dans l'export.`);
  }
  if (line.expected.publicPerSecond !== null && entry.quotas.publicPerSecond !== line.expected.publicPerSecond) {
    differences.push(`Quota public : ${line.expected.publicPerSecond} dans le fichier, ${entry.quotas.publicPerSecond} dans l'export.`);
  }
  if (line.fingerprintSha256 && !entry.certificates.some((c) => c.fingerprintSha256 === line.fingerprintSha256)) {
    differences.push("Certificat : l'empreinte du fichier n'est pas dans l'export (certificat expiré ou remplacé).");
  }
  return { ...base, verdict: differences.length === 0 ? "same" : "different", differences };
}
