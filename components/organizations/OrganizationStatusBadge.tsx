import { ORGANIZATION_STATUS_LABELS, type OrganizationStatus } from "@/lib/organizations/status";

const STYLES: Record<OrganizationStatus, string> = {
  UNVERIFIED: "border-warning bg-warning-light",
  VERIFIED: "border-success bg-success-light",
  REFUSED: "border-error bg-error-light",
  SUSPENDED: "border-error bg-error-light",
};

/** The organisation's status in words (never colour alone). */
export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  return <strong className={`inline-block border px-2 py-0.5 text-sm ${STYLES[status]}`}>{ORGANIZATION_STATUS_LABELS[status]}</strong>;
}
