import "server-only";
import { can, type Actor } from "../auth/permissions";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { db } from "../db.server";
import { AppError } from "../errors";
import { recordId } from "../organizations/organization-schema";
import { applicationTimeline, type TimelineItem } from "../events/histories.server";
import { APPLICATION_NOT_FOUND, requireReviewer } from "./application-records.server";
import { applicationStateOf } from "./checklist.server";
import type { SubmissionChecklist } from "./checklist";
import { parseGrant } from "../enrolments/grant";
import { grantEnforcement } from "../enrolments/enforcement";
import { readRevokedFingerprints } from "../whitelist/entries.server";
import { AMENDMENT_REASON_LABELS, APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS, availableApplicationTransitions, isOpenApplication, type LifecycleRole } from "./lifecycle";
import { ENROLMENT_STATUS_LABELS, ENROLMENT_TRANSITIONS, type EnrolmentTransition } from "../enrolments/status";
import { waitingLabel } from "../time";
import { parseSnapshot } from "./snapshot";
import { parseDiff } from "./snapshot-diff";

// What the application pages show, on each side: the dossier, its frozen snapshot and the diff of its last
// submission, its submissions, timeline and thread, the enrolment it granted (or the one it amends), and the
// actions the person may take now (with the version to send back).

const enrolmentSelect = {
  id: true,
  status: true,
  version: true,
  grant: true,
  approvedAt: true,
  suspendedAt: true,
  suspensionReason: true,
  revokedAt: true,
  revocationReason: true,
  supersededAt: true,
  organization: { select: { status: true } },
} as const;

async function load(applicationId: string) {
  return db().application.findUnique({
    where: { id: applicationId },
    include: {
      decidedBy: { select: { name: true } },
      submissions: { orderBy: { number: "desc" }, select: { id: true, number: true, submittedAt: true, diff: true, submittedBy: { select: { name: true } } } },
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, side: true, body: true, createdAt: true, author: { select: { name: true } } } },
      enrolment: { select: enrolmentSelect },
      previousEnrolment: { select: enrolmentSelect },
    },
  });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function enrolmentView(enrolment: Loaded["enrolment"], role: LifecycleRole, revokedFingerprints: ReadonlySet<string>, now: Date) {
  if (!enrolment) return null;
  const grant = parseGrant(enrolment.grant);
  return {
    id: enrolment.id,
    status: enrolment.status,
    statusLabel: ENROLMENT_STATUS_LABELS[enrolment.status],
    version: enrolment.version,
    grant,
    /** Per environment, the one definition of what the gateway enforces (lib/enrolments/enforcement.ts). */
    gateway: grant
      ? grantEnforcement(grant, { enrolmentStatus: enrolment.status, organisationSuspended: enrolment.organization.status === "SUSPENDED", revokedFingerprints, now })
      : [],
    approvedAt: enrolment.approvedAt,
    suspendedAt: enrolment.suspendedAt,
    suspensionReason: enrolment.suspensionReason,
    revokedAt: enrolment.revokedAt,
    revocationReason: enrolment.revocationReason,
    supersededAt: enrolment.supersededAt,
    /** Reviewer side only: suspend, reinstate, revoke as allowed by the status. */
    actions:
      role === "reviewer"
        ? (["suspend", "reinstate", "revoke"] as const).filter((t: EnrolmentTransition) => ENROLMENT_TRANSITIONS[t].from.includes(enrolment.status))
        : [],
  };
}

function view(application: Loaded, timeline: TimelineItem[], role: LifecycleRole, now: Date, revoked: ReadonlySet<string>) {
  const latest = application.submissions[0] ?? null;
  return {
    application: {
      id: application.id,
      serviceId: application.serviceId,
      organizationId: application.organizationId,
      kind: application.kind,
      kindLabel: APPLICATION_KIND_LABELS[application.kind],
      amendmentReason: application.amendmentReason,
      amendmentReasonLabel: application.amendmentReason ? AMENDMENT_REASON_LABELS[application.amendmentReason] : null,
      amendmentNote: application.amendmentNote,
      status: application.status,
      statusLabel: APPLICATION_STATUS_LABELS[application.status],
      /** Send it back with every action: a stale one is refused. */
      version: application.version,
      organizationName: application.organizationName,
      organizationSiret: application.organizationSiret,
      serviceName: application.serviceName,
      requestedProfileCode: application.requestedProfileCode,
      submittedAt: application.submittedAt,
      waitingLabel: application.status === "SUBMITTED" && application.submittedAt ? waitingLabel(application.submittedAt, now) : null,
      decidedAt: application.decidedAt,
      decidedByName: application.decidedBy?.name ?? null,
      decisionReason: application.decisionReason,
      createdAt: application.createdAt,
    },
    /** The snapshot of the last submission (null for a draft never submitted). */
    snapshot: parseSnapshot(application.snapshot),
    /** The changes of the last submission against the previous one (or, for an amendment, against the grant). */
    latestChanges: latest ? { number: latest.number, changes: parseDiff(latest.diff) } : null,
    submissions: application.submissions.map((s) => ({
      id: s.id,
      number: s.number,
      submittedAt: s.submittedAt,
      submittedByName: s.submittedBy.name,
      changeCount: parseDiff(s.diff)?.length ?? null,
    })),
    timeline,
    messages: application.messages.map((m) => ({ id: m.id, side: m.side, authorName: m.author.name, body: m.body, createdAt: m.createdAt })),
    /** The enrolment this application granted, if approved. */
    enrolment: enrolmentView(application.enrolment, role, revoked, now),
    /** For an amendment: the enrolment it would replace (in force until approval). */
    amendedEnrolment: enrolmentView(application.previousEnrolment, role, revoked, now),
    actions: availableApplicationTransitions(application.status, role),
  };
}

function parseId(value: unknown): string {
  const parsed = recordId.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  return parsed.data;
}

/** The reviewer's application page, plus the catalogue for the approval form (quotas prefilled from each profile). */
export async function applicationForReview(actor: Actor, applicationId: unknown, now: Date = new Date()) {
  requireReviewer(actor);
  const application = await load(parseId(applicationId));
  if (!application || application.status === "DRAFT") throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const [timeline, profiles] = await Promise.all([applicationTimeline(application.id, application.enrolment?.id ?? null, "ans"), listActiveAccessProfiles()]);
  return { ...view(application, timeline, "reviewer", now, await readRevokedFingerprints()), profiles };
}

/** The editor's application page, with the live checklist while the dossier is open. */
export async function applicationForEditor(actor: Actor, applicationId: unknown, now: Date = new Date()) {
  const application = await load(parseId(applicationId));
  // The editor's page is for the organisation's members; reviewers use applicationForReview.
  if (!application || !can(actor, { type: "application.manage", organizationId: application.organizationId })) {
    throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  }
  let checklist: SubmissionChecklist | null = null;
  if (isOpenApplication(application.status)) checklist = (await applicationStateOf(db(), application.serviceId, now))?.checklist ?? null;
  const timeline = await applicationTimeline(application.id, application.enrolment?.id ?? null);
  return { ...view(application, timeline, "editor", now, await readRevokedFingerprints()), checklist };
}

export type ApplicationForReview = Awaited<ReturnType<typeof applicationForReview>>;
export type ApplicationForEditor = Awaited<ReturnType<typeof applicationForEditor>>;
