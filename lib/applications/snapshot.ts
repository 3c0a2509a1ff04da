import { z } from "zod";

// Pure: what a submission freezes. The reviewer decides on this snapshot, the approval grants what it says, and the
// next submission is compared with it. Everything is plain JSON (dates as ISO strings), in a stable order, so two
// snapshots of unchanged data are equal and a diff shows only real changes.

export const SNAPSHOT_SCHEMA_VERSION = 1;

const isoDate = z.string().min(1);

export const snapshotCertificate = z.object({
  fingerprintSha256: z.string(),
  /** What nginx exposes of a client certificate (`$ssl_client_fingerprint`): the gateway matches on it. */
  fingerprintSha1: z.string(),
  subjectDn: z.string(),
  issuerDn: z.string(),
  serialNumber: z.string(),
  environment: z.enum(["TEST", "PRODUCTION"]),
  notBefore: isoDate,
  notAfter: isoDate,
  /** The overall verdict of the registry's checks; null when it could not be read. */
  verdict: z.enum(["ok", "warning", "error"]).nullable(),
});

export const snapshotAttestation = z.object({
  id: z.string(),
  clientName: z.string(),
  /** SHA-256 of the sealed PDF. */
  sealedSha256: z.string(),
});

export const snapshotPlatines = z.object({
  planCode: z.string(),
  planLabel: z.string(),
  /** The evaluation's verdict for the plan, e.g. "satisfied" or "not_satisfied". */
  verdict: z.string(),
  verdictLabel: z.string(),
});

export const applicationSnapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  organization: z.object({ id: z.string(), name: z.string(), siret: z.string(), address: z.string() }),
  service: z.object({
    id: z.string(),
    name: z.string(),
    softwareName: z.string(),
    softwareVersion: z.string(),
    description: z.string(),
    purposes: z.array(z.string()),
    users: z.string(),
    requestedProfile: z.object({ code: z.string(), label: z.string() }),
    profileJustification: z.string(),
    apis: z.array(z.string()),
  }),
  urls: z.array(z.object({ environment: z.enum(["TEST", "PRODUCTION"]), url: z.string() })),
  certificates: z.array(snapshotCertificate),
  attestations: z.array(snapshotAttestation),
  platines: z.array(snapshotPlatines),
  charter: z.object({ version: z.string().nullable(), acceptedAt: isoDate.nullable() }),
});

export type ApplicationSnapshot = z.infer<typeof applicationSnapshot>;
export type SnapshotCertificate = z.infer<typeof snapshotCertificate>;

type DateLike = Date | string;

/** What the server gathers; dates may be Dates. Lists come in any order. */
export type SnapshotInput = {
  organization: { id: string; name: string; siret: string; address: string };
  service: Omit<ApplicationSnapshot["service"], "purposes" | "apis"> & { purposes: readonly string[]; apis: readonly string[] };
  urls: readonly { environment: "TEST" | "PRODUCTION"; url: string }[];
  certificates: readonly (Omit<SnapshotCertificate, "notBefore" | "notAfter"> & { notBefore: DateLike; notAfter: DateLike })[];
  attestations: readonly z.infer<typeof snapshotAttestation>[];
  platines: readonly z.infer<typeof snapshotPlatines>[];
  charter: { version: string | null; acceptedAt: DateLike | null };
};

const iso = (value: DateLike) => new Date(value).toISOString();
const environmentOrder = { TEST: 0, PRODUCTION: 1 } as const;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The frozen, ordered snapshot of a submission. */
export function buildSnapshot(input: SnapshotInput): ApplicationSnapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    organization: { ...input.organization },
    service: { ...input.service, requestedProfile: { ...input.service.requestedProfile }, purposes: [...input.service.purposes], apis: [...input.service.apis] },
    urls: [...input.urls]
      .map(({ environment, url }) => ({ environment, url }))
      .sort((a, b) => environmentOrder[a.environment] - environmentOrder[b.environment] || byText(a.url, b.url)),
    certificates: [...input.certificates]
      .map((c) => ({
        fingerprintSha256: c.fingerprintSha256,
        fingerprintSha1: c.fingerprintSha1,
        subjectDn: c.subjectDn,
        issuerDn: c.issuerDn,
        serialNumber: c.serialNumber,
        environment: c.environment,
        notBefore: iso(c.notBefore),
        notAfter: iso(c.notAfter),
        verdict: c.verdict,
      }))
      .sort((a, b) => environmentOrder[a.environment] - environmentOrder[b.environment] || byText(a.notBefore, b.notBefore) || byText(a.fingerprintSha256, b.fingerprintSha256)),
    attestations: [...input.attestations].map((a) => ({ ...a })).sort((a, b) => byText(a.id, b.id)),
    platines: [...input.platines].map((p) => ({ ...p })).sort((a, b) => byText(a.planCode, b.planCode)),
    charter: { version: input.charter.version, acceptedAt: input.charter.acceptedAt === null ? null : iso(input.charter.acceptedAt) },
  };
}

/** A stored snapshot, read back; null when it does not have the expected shape (never trust stored JSON blindly). */
export function parseSnapshot(value: unknown): ApplicationSnapshot | null {
  const parsed = applicationSnapshot.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Lower-case, accent-free text the reviewer queue searches: organisation name, SIRET and service name. */
export function searchTextOf(parts: { organizationName: string; siret: string; serviceName: string }): string {
  return normalizeSearch(`${parts.organizationName} ${parts.siret} ${parts.serviceName}`);
}

/** The same normalisation for what a reviewer types. */
export function normalizeSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
