// Pure: the one definition of "enforced at the gateway", per enrolment, environment and certificate. The export,
// the nginx configuration, the whitelist pages (editor and reviewer), the certificate pages and the dossier all ask
// this module, so they can never disagree about what the gateway lets in (issue 24).
//
// An environment of an enrolment is enforced when the enrolment is active, its organisation is not suspended, and
// either its profile needs no certificate or at least one granted certificate is valid now and not revoked. Only
// granted certificates count: a certificate uploaded after the approval (a renewal, or one whose OU does not match)
// waits for a reviewer's approval while the granted one stays enforced.
//
// The organisation's suspension comes in as a boolean so that this module never imports lib/organizations
// (which imports enrolments' use cases): no two-way dependency.
import type { EnrolmentStatus } from "./status";

export type GatewayCertificateState = "enforced" | "not_yet_valid" | "expired" | "revoked";

export type NotEnforcedReason = "enrolment_suspended" | "enrolment_closed" | "organisation_suspended" | "no_valid_certificate";

export interface EnforcementCertificate {
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface EnforcementInput<C extends EnforcementCertificate> {
  enrolmentStatus: EnrolmentStatus;
  organisationSuspended: boolean;
  requiresCertificate: boolean;
  /** The certificates the grant gives this environment. */
  certificates: readonly C[];
  /** Lowercase hexadecimal SHA-256 fingerprints of revoked certificates (from the CAs' revocation lists). */
  revokedFingerprints: ReadonlySet<string>;
  now: Date;
}

export type EnvironmentEnforcement<C extends EnforcementCertificate> = {
  enforced: boolean;
  reason: NotEnforcedReason | null;
  /** Granted certificates with their state at the gateway; only "enforced" ones are exported. */
  certificates: { certificate: C; state: GatewayCertificateState }[];
  /** The certificates the gateway accepts (empty when the environment is not enforced). */
  enforcedCertificates: C[];
};

const normalize = (fingerprint: string) => fingerprint.replace(/[:\s]/g, "").toLowerCase();

/** The state of one granted certificate at `now`, whatever the enrolment. notBefore ≤ now < notAfter is valid. */
export function gatewayCertificateState(certificate: EnforcementCertificate, revokedFingerprints: ReadonlySet<string>, now: Date): GatewayCertificateState {
  if (revokedFingerprints.has(normalize(certificate.fingerprintSha256))) return "revoked";
  const t = now.getTime();
  if (t < certificate.notBefore.getTime()) return "not_yet_valid";
  if (t >= certificate.notAfter.getTime()) return "expired";
  return "enforced";
}

export function environmentEnforcement<C extends EnforcementCertificate>(input: EnforcementInput<C>): EnvironmentEnforcement<C> {
  const certificates = input.certificates.map((certificate) => ({ certificate, state: gatewayCertificateState(certificate, input.revokedFingerprints, input.now) }));
  const valid = certificates.filter((c) => c.state === "enforced").map((c) => c.certificate);
  const reason = notEnforcedReason(input, valid.length);
  return { enforced: reason === null, reason, certificates, enforcedCertificates: reason === null ? valid : [] };
}

function notEnforcedReason(input: EnforcementInput<EnforcementCertificate>, validCount: number): NotEnforcedReason | null {
  if (input.enrolmentStatus === "SUSPENDED") return "enrolment_suspended";
  if (input.enrolmentStatus !== "ACTIVE") return "enrolment_closed";
  if (input.organisationSuspended) return "organisation_suspended";
  if (input.requiresCertificate && validCount === 0) return "no_valid_certificate";
  return null;
}

export const ENFORCED_LABEL = "En vigueur à la passerelle";

export const NOT_ENFORCED_LABELS: Record<NotEnforcedReason, string> = {
  enrolment_suspended: "Non publié à la passerelle : habilitation suspendue",
  enrolment_closed: "Non publié à la passerelle : habilitation close",
  organisation_suspended: "Non publié à la passerelle : organisation suspendue",
  no_valid_certificate: "Non publié à la passerelle : aucun certificat valide",
};

export function enforcementLabel(enforcement: { enforced: boolean; reason: NotEnforcedReason | null }): string {
  return enforcement.enforced || enforcement.reason === null ? ENFORCED_LABEL : NOT_ENFORCED_LABELS[enforcement.reason];
}

export const GATEWAY_CERTIFICATE_LABELS: Record<GatewayCertificateState, string> = {
  enforced: "Accepté par la passerelle",
  not_yet_valid: "Pas encore valide",
  expired: "Expiré",
  revoked: "Révoqué",
};

/**
 * Where a certificate registered for a service stands at the gateway (the certificate pages): granted ones take their
 * gateway state (not enforced when the environment is not), the others wait for a reviewer's approval of the change
 * while something else is enforced — a renewal never shows the certificate in force as "replaced" before then.
 */
export type RegisteredCertificateGatewayStatus = GatewayCertificateState | "not_enforced" | "pending_approval" | "not_granted";

export const REGISTERED_CERTIFICATE_GATEWAY_LABELS: Record<RegisteredCertificateGatewayStatus, string> = {
  ...GATEWAY_CERTIFICATE_LABELS,
  enforced: "En vigueur à la passerelle",
  not_enforced: "Non publié à la passerelle",
  pending_approval: "En attente d'approbation",
  not_granted: "Non publié à la passerelle : en attente d'approbation",
};

export function registeredCertificateGatewayStatus(
  certificate: EnforcementCertificate & { revokedAt?: Date | null },
  environment: EnvironmentEnforcement<EnforcementCertificate> | null,
  revokedFingerprints: ReadonlySet<string>,
  now: Date,
): RegisteredCertificateGatewayStatus {
  const fingerprint = normalize(certificate.fingerprintSha256);
  if (certificate.revokedAt || revokedFingerprints.has(fingerprint)) return "revoked";
  const granted = environment?.certificates.find((c) => normalize(c.certificate.fingerprintSha256) === fingerprint);
  if (granted) return environment!.enforced || granted.state !== "enforced" ? granted.state : "not_enforced";
  const own = gatewayCertificateState(certificate, revokedFingerprints, now);
  if (own === "expired") return "expired";
  return environment?.enforced ? "pending_approval" : "not_granted";
}

/** Per environment of a frozen grant (the dossier's summary): what the gateway does with it now. */
export function grantEnforcement(
  grant: { certificates: readonly { environment: "TEST" | "PRODUCTION"; fingerprintSha256: string; notBefore: string; notAfter: string }[]; urls: readonly { environment: "TEST" | "PRODUCTION" }[]; accessProfile: { requiresCertificate: boolean } },
  context: { enrolmentStatus: EnrolmentStatus; organisationSuspended: boolean; revokedFingerprints: ReadonlySet<string>; now: Date },
): { environment: "TEST" | "PRODUCTION"; enforced: boolean; reason: NotEnforcedReason | null; label: string; revokedCount: number }[] {
  const environments = (["TEST", "PRODUCTION"] as const).filter((e) => grant.urls.some((u) => u.environment === e) || grant.certificates.some((c) => c.environment === e));
  return environments.map((environment) => {
    const enforcement = environmentEnforcement({
      ...context,
      requiresCertificate: grant.accessProfile.requiresCertificate,
      certificates: grant.certificates
        .filter((c) => c.environment === environment)
        .map((c) => ({ fingerprintSha256: c.fingerprintSha256, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) })),
    });
    return {
      environment,
      enforced: enforcement.enforced,
      reason: enforcement.reason,
      label: enforcementLabel(enforcement),
      revokedCount: enforcement.certificates.filter((c) => c.state === "revoked").length,
    };
  });
}
