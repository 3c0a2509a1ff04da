// Whitelist entries for tests and the benchmark: plausible values, deterministic from an index.
import { createHash } from "node:crypto";
import type { WhitelistCertificate, WhitelistEntry } from "../whitelist/entry";
import { DAY_MS } from "../vocabulary";


function hex(seed: string, algorithm: "sha256" | "sha1"): string {
  return createHash(algorithm).update(seed).digest("hex");
}

/** A UUID-shaped id derived from a seed. */
export function syntheticId(seed: string): string {
  const h = hex(seed, "sha256");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function syntheticCertificate(seed: string, notBefore: Date, notAfter: Date, commonName = "Service"): WhitelistCertificate {
  return {
    fingerprintSha256: hex(`cert-${seed}`, "sha256"),
    fingerprintSha1: hex(`cert-${seed}`, "sha1"),
    subjectDn: `CN=${commonName}, OU=373282932000074, O=Éditeur Démo, ST=Bretagne, C=FR`,
    issuerDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR",
    notBefore,
    notAfter,
  };
}

export function syntheticEntry(index: number, now: Date, overrides: Partial<WhitelistEntry> = {}): WhitelistEntry {
  const serviceName = `Agenda Santé ${index}`;
  return {
    enrolmentId: syntheticId(`enrolment-${index}`),
    status: "ACTIVE",
    approvedAt: new Date(now.getTime() - 30 * DAY_MS),
    organisation: { name: `Éditeur n° ${index % 500}, « Santé & Co »`, siret: String(73282932000074 + (index % 500)).padStart(14, "0") },
    service: { id: syntheticId(`service-${index}`), name: serviceName },
    environment: index % 4 === 0 ? "TEST" : "PRODUCTION",
    urls: [`https://service-${index}.example.fr/`, `https://service-${index}.example.fr/api`],
    certificates: [
      syntheticCertificate(`${index}`, new Date(now.getTime() - 100 * DAY_MS), new Date(now.getTime() + 265 * DAY_MS), serviceName),
    ],
    accessProfile: { code: String(1 + (index % 4)), label: `Profil ${1 + (index % 4)}`, requiresCertificate: true },
    quotas: { authenticatedPerSecond: index % 50 === 0 ? 20 : 10, publicPerSecond: 5 },
    ...overrides,
  };
}

export function syntheticEntries(count: number, now: Date): WhitelistEntry[] {
  return Array.from({ length: count }, (_, index) => syntheticEntry(index, now));
}
