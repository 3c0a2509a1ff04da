import "server-only";
// Read models of the whitelist for people: the ANS view (every enrolment, filters and search like the review
// queue), one enrolment with its history, and an editor's own entries.
import { ENROLMENT_NOT_FOUND } from "../enrolments/change-input";
import { enrolmentHistory, type EnrolmentHistoryItem } from "../events/histories.server";
import { parseGrant } from "../enrolments/grant";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordId } from "../organizations/organization-schema";
import type { EnrolmentStatus } from "./entry";
import { certificateValidity, entriesOfEnrolment } from "./from-enrolment";
import type { ViewCertificate, WhitelistRow } from "./view-types";
import { expiryNoticesOf } from "./expiry-job.server";
import { matchesSearch, WHITELIST_ENVIRONMENT_SLUGS, WHITELIST_PAGE_SIZE, WHITELIST_STATUSES, type WhitelistQuery, type WhitelistStatusSlug } from "./view-query";
import { enforcementLabel, environmentEnforcement } from "../enrolments/enforcement";
import { ENFORCED_ENROLMENTS, readRevokedFingerprints } from "./entries.server";
import type { Prisma } from "../generated/prisma/client";


export type { ViewCertificate, WhitelistRow };

const columns = {
  id: true,
  status: true,
  version: true,
  approvedAt: true,
  level2AuthenticatedPerSecond: true,
  level2PublicPerSecond: true,
  quotaReason: true,
  grant: true,
  organization: { select: { status: true } },
} as const;

type Row = {
  id: string;
  status: EnrolmentStatus;
  version: number;
  approvedAt: Date;
  level2AuthenticatedPerSecond: number;
  level2PublicPerSecond: number;
  quotaReason: string | null;
  grant: unknown;
  organization: { status: string };
};

function rowsOf(enrolment: Row, now: Date, revoked: ReadonlySet<string>): WhitelistRow[] {
  const grant = parseGrant(enrolment.grant);
  if (!grant) return [];
  const organisationSuspended = enrolment.organization.status === "SUSPENDED";
  return entriesOfEnrolment({ ...enrolment, grant, organisationSuspended }).map((entry) => {
    const enforcement = environmentEnforcement({
      enrolmentStatus: entry.status,
      organisationSuspended,
      requiresCertificate: entry.accessProfile.requiresCertificate,
      certificates: entry.certificates,
      revokedFingerprints: revoked,
      now,
    });
    const certificates = enforcement.certificates.map(({ certificate: c, state }) => ({ ...c, validity: certificateValidity(c, now), gatewayState: state }));
    return {
      enrolmentId: entry.enrolmentId,
      status: entry.status,
      version: enrolment.version,
      environment: entry.environment,
      organisation: entry.organisation,
      service: entry.service,
      urls: entry.urls,
      certificates,
      profile: { code: entry.accessProfile.code, label: entry.accessProfile.label },
      quotas: entry.quotas,
      quotaReason: enrolment.quotaReason,
      approvedAt: entry.approvedAt,
      expiringSoon: certificates.some((c) => c.validity === "expiring_soon" || c.validity === "expired"),
      gateway: { enforced: enforcement.enforced, reason: enforcement.reason, label: enforcementLabel(enforcement) },
    };
  });
}

export type WhitelistView = {
  rows: WhitelistRow[];
  total: number;
  pageCount: number;
  /** Entries in force with a certificate expiring within 60 days or expired, whatever the filters. */
  expiringSoonCount: number;
  profiles: { code: string; label: string }[];
};

/**
 * "En vigueur" is what the gateway may enforce: active enrolments of organisations that are not suspended. An active
 * enrolment of a suspended organisation is listed with the suspended ones (its row says why it is not published).
 */
function statusFilter(slug: WhitelistStatusSlug): Prisma.EnrolmentWhereInput {
  const statuses = [...WHITELIST_STATUSES[slug]];
  if (slug === "en-vigueur") return ENFORCED_ENROLMENTS;
  if (slug === "suspendues") return { OR: [{ status: { in: statuses } }, { status: "ACTIVE", organization: { status: "SUSPENDED" } }] };
  return { status: { in: statuses } };
}

export async function whitelistView(actor: Actor, query: WhitelistQuery, now: Date = new Date()): Promise<WhitelistView> {
  if (!can(actor, { type: "whitelist.view" })) throw new AppError("FORBIDDEN", "Réservé aux instructeurs de l'ANS.");
  const [enrolments, inForce, profiles, revoked] = await Promise.all([
    db().enrolment.findMany({ where: statusFilter(query.status), select: columns, orderBy: { approvedAt: "desc" } }),
    query.status === "en-vigueur" ? null : db().enrolment.findMany({ where: statusFilter("en-vigueur"), select: columns }),
    db().accessProfile.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, label: true } }),
    readRevokedFingerprints(),
  ]);
  const all = enrolments.flatMap((e) => rowsOf(e, now, revoked));
  const active = (inForce ? inForce.flatMap((e) => rowsOf(e, now, revoked)) : all).filter((r) => r.gateway.enforced);
  const environment = query.environment ? WHITELIST_ENVIRONMENT_SLUGS[query.environment] : null;
  const filtered = all
    .filter((r) => !environment || r.environment === environment)
    .filter((r) => !query.profileCode || r.profile.code === query.profileCode)
    .filter((r) => !query.expiringSoon || r.expiringSoon)
    .filter((r) => matchesSearch(query.search, [r.organisation.name, r.organisation.siret, r.service.name, r.enrolmentId, ...r.urls, ...r.certificates.map((c) => c.fingerprintSha256)]))
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, "fr") || a.service.name.localeCompare(b.service.name, "fr") || a.environment.localeCompare(b.environment));
  const pageCount = Math.max(1, Math.ceil(filtered.length / WHITELIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    rows: filtered.slice((page - 1) * WHITELIST_PAGE_SIZE, page * WHITELIST_PAGE_SIZE),
    total: filtered.length,
    pageCount,
    expiringSoonCount: active.filter((r) => r.expiringSoon).length,
    profiles,
  };
}


export type EnrolmentDetail = {
  id: string;
  status: EnrolmentStatus;
  version: number;
  applicationId: string;
  organisation: { name: string; siret: string };
  service: { id: string; name: string };
  profile: { code: string; label: string; defaults: { authenticatedPerSecond: number; publicPerSecond: number } };
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
  quotaReason: string | null;
  approvedAt: Date;
  approvedBy: string;
  suspensionReason: string | null;
  revocationReason: string | null;
  environments: WhitelistRow[];
  history: EnrolmentHistoryItem[];
  notices: Map<string, { threshold: number; sentAt: Date }[]>;
};

async function enrolmentDetailOf(where: { id: string; organizationId?: { in: string[] } }, now: Date): Promise<EnrolmentDetail> {
  const enrolment = await db().enrolment.findFirst({
    where,
    select: {
      ...columns,
      applicationId: true,
      suspensionReason: true,
      revocationReason: true,
      approvedBy: { select: { name: true } },
      accessProfile: { select: { level2AuthenticatedPerSecond: true, level2PublicPerSecond: true } },
    },
  });
  const grant = enrolment ? parseGrant(enrolment.grant) : null;
  if (!enrolment || !grant) throw new AppError("NOT_FOUND", ENROLMENT_NOT_FOUND);
  return {
    id: enrolment.id,
    status: enrolment.status,
    version: enrolment.version,
    applicationId: enrolment.applicationId,
    organisation: { name: grant.organization.name, siret: grant.organization.siret },
    service: { id: grant.service.id, name: grant.service.name },
    profile: {
      code: grant.accessProfile.code,
      label: grant.accessProfile.label,
      defaults: { authenticatedPerSecond: enrolment.accessProfile.level2AuthenticatedPerSecond, publicPerSecond: enrolment.accessProfile.level2PublicPerSecond },
    },
    quotas: { authenticatedPerSecond: enrolment.level2AuthenticatedPerSecond, publicPerSecond: enrolment.level2PublicPerSecond },
    quotaReason: enrolment.quotaReason,
    approvedAt: enrolment.approvedAt,
    approvedBy: enrolment.approvedBy.name,
    suspensionReason: enrolment.suspensionReason,
    revocationReason: enrolment.revocationReason,
    environments: rowsOf(enrolment, now, await readRevokedFingerprints()),
    history: await enrolmentHistory({ id: enrolment.id, applicationId: enrolment.applicationId }),
    notices: await expiryNoticesOf([enrolment.id]),
  };
}

/** One enrolment for reviewers: everything, with its history. */
export async function enrolmentForReview(actor: Actor, rawId: unknown, now: Date = new Date()): Promise<EnrolmentDetail> {
  if (!can(actor, { type: "whitelist.view" })) throw new AppError("FORBIDDEN", "Réservé aux instructeurs de l'ANS.");
  const id = recordId.safeParse(rawId);
  if (!id.success) throw new AppError("NOT_FOUND", ENROLMENT_NOT_FOUND);
  return enrolmentDetailOf({ id: id.data }, now);
}

/** The editor's own entries in force (active or suspended), across their organisations. */
export async function editorWhitelist(actor: Actor, now: Date = new Date()): Promise<WhitelistRow[]> {
  const organizationIds = actor.memberships.map((m) => m.organizationId).filter((organizationId) => can(actor, { type: "service.read", organizationId }));
  if (organizationIds.length === 0) return [];
  const enrolments = await db().enrolment.findMany({
    where: { organizationId: { in: organizationIds }, status: { in: ["ACTIVE", "SUSPENDED"] } },
    select: columns,
    orderBy: { approvedAt: "desc" },
  });
  const revoked = await readRevokedFingerprints();
  return enrolments.flatMap((e) => rowsOf(e, now, revoked));
}
