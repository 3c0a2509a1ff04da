// The national structure identifier IGC Santé puts in the subject's OU of organisation certificates: a type digit
// followed by the identifier ("1" + FINESS, "2" + SIREN, "3" + SIRET).
import { normalizeIdentifier } from "../organizations/identifiers";

export type StructureIdentifierKind = "finess" | "siren" | "siret";

export interface StructureIdentifier {
  kind: StructureIdentifierKind;
  /** The identifier without its type digit. */
  value: string;
  /** The OU as written in the certificate. */
  organizationalUnit: string;
}

export const STRUCTURE_IDENTIFIER_LABELS: Record<StructureIdentifierKind, string> = {
  finess: "FINESS",
  siren: "SIREN",
  siret: "SIRET",
};

const PATTERNS: [StructureIdentifierKind, RegExp][] = [
  ["finess", /^1((?:\d{2}|2A|2B)\d{7})$/],
  ["siren", /^2(\d{9})$/],
  ["siret", /^3(\d{14})$/],
];

export function parseStructureIdentifier(organizationalUnit: string): StructureIdentifier | null {
  const normalized = normalizeIdentifier(organizationalUnit);
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(normalized);
    if (match) return { kind, value: match[1]!, organizationalUnit };
  }
  return null;
}

/** Every OU that reads as a structure identifier, in the certificate's order. */
export function structureIdentifiers(organizationalUnits: readonly string[]): StructureIdentifier[] {
  return organizationalUnits.flatMap((ou) => parseStructureIdentifier(ou) ?? []);
}
