import { z } from "zod";
import type { ApplicationSnapshot } from "./snapshot";

// Pure: what an approval grants, frozen at that moment from the submission the reviewer decided on. Later changes
// by the editor (URLs, certificates, profile) never alter it: they go through an amendment.

export const QUOTA_RANGE = { min: 1, max: 1000 } as const;

const RANGE_TEXT = `de ${QUOTA_RANGE.min} à ${QUOTA_RANGE.max.toLocaleString("fr-FR")}`;
export const QUOTA_MESSAGE = `Indiquez un nombre entier d'appels par seconde, ${RANGE_TEXT}.`;

/** One quota as typed in a form ("12", " 12 ") or sent as a number; blank means "the profile's default". */
export const quotaValue = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value.trim() === "" ? undefined : /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    return value;
  },
  z
    .number({ error: QUOTA_MESSAGE })
    .refine((n) => Number.isSafeInteger(n) && n >= QUOTA_RANGE.min && n <= QUOTA_RANGE.max, QUOTA_MESSAGE)
    .optional(),
);

export type Quotas = { level2AuthenticatedPerSecond: number; level2PublicPerSecond: number };

/** The granted quotas: what the reviewer typed, else the profile's defaults. Null when a value is out of range. */
export function grantedQuotas(typed: { level2AuthenticatedPerSecond?: unknown; level2PublicPerSecond?: unknown }, defaults: Quotas): { ok: true; quotas: Quotas } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const quotas = { ...defaults };
  for (const field of ["level2AuthenticatedPerSecond", "level2PublicPerSecond"] as const) {
    const parsed = quotaValue.safeParse(typed[field]);
    if (!parsed.success) fieldErrors[field] = QUOTA_MESSAGE;
    else if (parsed.data !== undefined) quotas[field] = parsed.data;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, quotas };
}

export const enrolmentGrant = z.object({
  schemaVersion: z.literal(1),
  applicationId: z.string(),
  submissionNumber: z.number(),
  organization: z.object({ id: z.string(), name: z.string(), siret: z.string() }),
  service: z.object({ id: z.string(), name: z.string(), softwareName: z.string(), softwareVersion: z.string() }),
  urls: z.array(z.object({ environment: z.enum(["TEST", "PRODUCTION"]), url: z.string() })),
  certificates: z.array(z.object({ environment: z.enum(["TEST", "PRODUCTION"]), fingerprintSha256: z.string(), subjectDn: z.string(), notAfter: z.string() })),
  accessProfile: z.object({ id: z.string(), code: z.string(), label: z.string() }),
  quotas: z.object({ level2AuthenticatedPerSecond: z.number(), level2PublicPerSecond: z.number() }),
  approvedAt: z.string(),
  approvedBy: z.object({ id: z.string(), name: z.string() }),
});

export type EnrolmentGrant = z.infer<typeof enrolmentGrant>;

export type FreezeInput = {
  applicationId: string;
  submissionNumber: number;
  snapshot: ApplicationSnapshot;
  profile: { id: string; code: string; label: string };
  quotas: Quotas;
  approvedAt: Date;
  approvedBy: { id: string; name: string };
};

/**
 * The grant, from the snapshot the reviewer saw. Only certificates whose checks did not fail are granted (a
 * certificate that could not be evaluated is not granted either).
 */
export function freezeEnrolment(input: FreezeInput): EnrolmentGrant {
  const { snapshot } = input;
  return {
    schemaVersion: 1,
    applicationId: input.applicationId,
    submissionNumber: input.submissionNumber,
    organization: { id: snapshot.organization.id, name: snapshot.organization.name, siret: snapshot.organization.siret },
    service: {
      id: snapshot.service.id,
      name: snapshot.service.name,
      softwareName: snapshot.service.softwareName,
      softwareVersion: snapshot.service.softwareVersion,
    },
    urls: snapshot.urls.map((u) => ({ ...u })),
    certificates: snapshot.certificates
      .filter((c) => c.verdict === "ok" || c.verdict === "warning")
      .map((c) => ({ environment: c.environment, fingerprintSha256: c.fingerprintSha256, subjectDn: c.subjectDn, notAfter: c.notAfter })),
    accessProfile: { ...input.profile },
    quotas: { ...input.quotas },
    approvedAt: input.approvedAt.toISOString(),
    approvedBy: { ...input.approvedBy },
  };
}

/** A stored grant, read back; null when it does not have the expected shape. */
export function parseGrant(value: unknown): EnrolmentGrant | null {
  const parsed = enrolmentGrant.safeParse(value);
  return parsed.success ? parsed.data : null;
}
