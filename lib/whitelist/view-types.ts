// What the whitelist views show (pure types, shared by the read models and the components).
import type { EnrolmentStatus, WhitelistCertificate, WhitelistEnvironment } from "./entry";
import type { CertificateValidity } from "./from-enrolment";
import type { GatewayCertificateState, NotEnforcedReason } from "../enrolments/enforcement";

export type ViewCertificate = WhitelistCertificate & { validity: CertificateValidity; gatewayState: GatewayCertificateState };

/** What the gateway does with this row (lib/enrolments/enforcement.ts), and how every page words it. */
export type RowEnforcement = { enforced: boolean; reason: NotEnforcedReason | null; label: string };

export type WhitelistRow = {
  enrolmentId: string;
  status: EnrolmentStatus;
  version: number;
  environment: WhitelistEnvironment;
  organisation: { name: string; siret: string };
  service: { id: string; name: string };
  urls: string[];
  certificates: ViewCertificate[];
  profile: { code: string; label: string };
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
  quotaReason: string | null;
  approvedAt: Date;
  expiringSoon: boolean;
  gateway: RowEnforcement;
};

