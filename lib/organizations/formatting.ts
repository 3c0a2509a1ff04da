import { normalizeIdentifier } from "./identifiers";

/** "73282932000074" → "732 829 320 00074", as SIRET numbers are printed in France. */
export function formatSiret(siret: string): string {
  const s = normalizeIdentifier(siret);
  return s.length === 14 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
}
