import { z } from "zod";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "../catalogue/access-profile-schema";
import { ENVIRONMENTS, type CertificateIdentity } from "../vocabulary";
import { missingReason, quotaReasonSchema } from "./quotas";

// Pure: what an approval grants, frozen at that moment from the submission the reviewer decided on. Later changes
// by the editor (URLs, certificates, profile) never alter it: they go through an amendment.

// The allowed range is the catalogue's (the same rule as the profiles' defaults and the gateway's configuration).
export const QUOTA_RANGE = { min: QUOTA_MIN, max: QUOTA_MAX } as const;
export const QUOTA_MESSAGE = QUOTA_RANGE_MESSAGE;

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

export type GrantedQuotas = { ok: true; quotas: Quotas; reason: string | null } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The granted quotas: what the reviewer typed, else the profile's defaults. Values out of range are refused; values
 * that depart from the defaults need a reason (`quotaReason`), ignored (null) when both equal the defaults.
 */
export function grantedQuotas(
  typed: { level2AuthenticatedPerSecond?: unknown; level2PublicPerSecond?: unknown; quotaReason?: unknown },
  defaults: Quotas,
): GrantedQuotas {
  const fieldErrors: Record<string, string> = {};
  const quotas = { ...defaults };
  for (const field of ["level2AuthenticatedPerSecond", "level2PublicPerSecond"] as const) {
    const parsed = quotaValue.safeParse(typed[field]);
    if (!parsed.success) fieldErrors[field] = QUOTA_MESSAGE;
    else if (parsed.data !== undefined) quotas[field] = parsed.data;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const departs = quotas.level2AuthenticatedPerSecond !== defaults.level2AuthenticatedPerSecond || quotas.level2PublicPerSecond !== defaults.level2PublicPerSecond;
  if (!departs) return { ok: true, quotas, reason: null };
  const typedReason = typeof typed.quotaReason === "string" ? typed.quotaReason : "";
  const reason = quotaReasonSchema.safeParse(typedReason);
  if (!reason.success) {
    const message =
      typedReason.trim() === ""
        ? missingReason({ authenticatedPerSecond: defaults.level2AuthenticatedPerSecond, publicPerSecond: defaults.level2PublicPerSecond })
        : reason.error.issues[0]!.message;
    return { ok: false, fieldErrors: { quotaReason: message } };
  }
  return { ok: true, quotas, reason: reason.data };
}

export const enrolmentGrant = z.object({
  schemaVersion: z.literal(1),
  applicationId: z.string(),
  submissionNumber: z.number(),
  organization: z.object({ id: z.string(), name: z.string(), siret: z.string() }),
  service: z.object({ id: z.string(), name: z.string(), softwareName: z.string(), softwareVersion: z.string() }),
  urls: z.array(z.object({ environment: z.enum(ENVIRONMENTS), url: z.string() })),
  certificates: z.array(
    z.object({
      environment: z.enum(ENVIRONMENTS),
      fingerprintSha256: z.string(),
      fingerprintSha1: z.string(),
      subjectDn: z.string(),
      issuerDn: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    }),
  ),
  accessProfile: z.object({ id: z.string(), code: z.string(), label: z.string(), requiresCertificate: z.boolean() }),
  quotas: z.object({ level2AuthenticatedPerSecond: z.number(), level2PublicPerSecond: z.number(), reason: z.string().nullable() }),
  approvedAt: z.string(),
  approvedBy: z.object({ id: z.string(), name: z.string() }),
});

export type EnrolmentGrant = z.infer<typeof enrolmentGrant>;

/** What the grant is frozen from: the parts of the dossier's submitted snapshot that an approval grants. */
export type GrantSource = {
  organization: { id: string; name: string; siret: string };
  service: { id: string; name: string; softwareName: string; softwareVersion: string };
  urls: readonly { environment: "TEST" | "PRODUCTION"; url: string }[];
  certificates: readonly (CertificateIdentity & {
    environment: "TEST" | "PRODUCTION";
    /** The checks' verdict when submitted; null when they could not be evaluated. */
    verdict: string | null;
  })[];
};

export type FreezeInput = {
  applicationId: string;
  submissionNumber: number;
  snapshot: GrantSource;
  profile: { id: string; code: string; label: string; requiresCertificate: boolean };
  quotas: Quotas;
  /** Why the quotas depart from the profile's defaults (null when they do not). */
  quotaReason: string | null;
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
      .map((c) => ({
        environment: c.environment,
        fingerprintSha256: c.fingerprintSha256,
        fingerprintSha1: c.fingerprintSha1,
        subjectDn: c.subjectDn,
        issuerDn: c.issuerDn,
        notBefore: c.notBefore,
        notAfter: c.notAfter,
      })),
    accessProfile: { ...input.profile },
    quotas: { ...input.quotas, reason: input.quotaReason },
    approvedAt: input.approvedAt.toISOString(),
    approvedBy: { ...input.approvedBy },
  };
}

/** A stored grant, read back; null when it does not have the expected shape. */
export function parseGrant(value: unknown): EnrolmentGrant | null {
  const parsed = enrolmentGrant.safeParse(value);
  return parsed.success ? parsed.data : null;
}
