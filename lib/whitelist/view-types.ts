// What the whitelist views show (pure types, shared by the read models and the components).
import type { EnrolmentStatus, WhitelistCertificate, WhitelistEnvironment } from "./entry";
import type { CertificateValidity } from "./from-enrolment";

export type ViewCertificate = WhitelistCertificate & { validity: CertificateValidity };

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
};

