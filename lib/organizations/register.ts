// Pure: what the company register says of a SIRET (issue 22, ADR 0049), read from the answer of the open
// "recherche d'entreprises" API (GET /search?q=<siret>): `results[]` of legal units, each with `siren`,
// `nom_complet` / `nom_raison_sociale`, `siege` and `matching_etablissements[]`, whose establishments carry `siret`,
// `adresse` and `etat_administratif` ("A" active, "F" closed). And the circuit breaker's arithmetic.

export type RegisterEstablishment = { siret: string; legalName: string; address: string; active: boolean };

export type RegisterLookup =
  | { status: "found"; establishment: RegisterEstablishment }
  | { status: "unknown" }
  /** The register could not be asked (not configured, down, slow, open breaker, unreadable answer). */
  | { status: "unavailable"; reason: string };

export const REGISTER_MESSAGES = {
  unknown: "Ce SIRET est inconnu du répertoire des entreprises (Sirene) : vérifiez-le.",
  closed: "Cet établissement est fermé d'après le répertoire des entreprises (Sirene) : indiquez le SIRET d'un établissement en activité.",
  notConsulted: "Registre non consulté",
} as const;

type Establishment = { siret?: unknown; adresse?: unknown; etat_administratif?: unknown };
type Unit = { nom_complet?: unknown; nom_raison_sociale?: unknown; siege?: Establishment; matching_etablissements?: unknown };

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The establishment of `siret` in a search answer; unknown when absent; null when the answer is not of that shape. */
export function parseRegisterAnswer(body: unknown, siret: string): RegisterLookup | null {
  if (typeof body !== "object" || body === null || !Array.isArray((body as { results?: unknown }).results)) return null;
  for (const unit of (body as { results: Unit[] }).results) {
    if (typeof unit !== "object" || unit === null) continue;
    const establishments = [...(Array.isArray(unit.matching_etablissements) ? (unit.matching_etablissements as Establishment[]) : []), ...(unit.siege ? [unit.siege] : [])];
    const match = establishments.find((e) => typeof e === "object" && e !== null && text(e.siret) === siret);
    if (!match) continue;
    return {
      status: "found",
      establishment: {
        siret,
        legalName: text(unit.nom_raison_sociale) || text(unit.nom_complet),
        address: text(match.adresse),
        active: text(match.etat_administratif) !== "F",
      },
    };
  }
  return { status: "unknown" };
}

/** Why a sign-up is refused after a lookup: an unknown or closed establishment; null otherwise (down included). */
export function registerProblem(lookup: RegisterLookup): string | null {
  if (lookup.status === "unknown") return REGISTER_MESSAGES.unknown;
  if (lookup.status === "found" && !lookup.establishment.active) return REGISTER_MESSAGES.closed;
  return null;
}

/**
 * A circuit breaker: after `threshold` failures in a row the register is not asked for `openMs`; then one call is let
 * through (half-open): its success closes the breaker, its failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trial = false;

  constructor(
    readonly threshold = 3,
    readonly openMs = 60_000,
  ) {}

  /** Whether a call may go now. */
  allow(now: number): boolean {
    if (this.openedAt === null) return true;
    if (now - this.openedAt < this.openMs || this.trial) return false;
    this.trial = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trial = false;
  }

  failure(now: number): void {
    this.failures += 1;
    if (this.trial || this.failures >= this.threshold) this.openedAt = now;
    this.trial = false;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    return this.trial ? "half-open" : "open";
  }
}
