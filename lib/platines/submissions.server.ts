import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { readStoredFile, storeFile } from "../files/stored-files.server";
import type { Prisma } from "../generated/prisma/client";
import { parseRecordId } from "../organizations/organization-access.server";
import type { RequestContext } from "../request.server";
import { requireManagedServiceInTransaction, requireServiceAccess, SERVICE_NOT_FOUND } from "../services/service-access.server";
import { fieldErrorsOf } from "../validation";
import { evaluatePlatinesSession, type PlatinesEvaluation, type PlatinesSessionType, type RequiredCase } from "./evaluation";
import { parseJunitReport } from "./junit-report";
import { readSummary, summaryOf } from "./stored-summary";
import { evidenceMediaType, fileSizeErrors, MAX_EVIDENCE_BYTES, SUBMISSION_ERRORS, submissionFieldsSchema } from "./submission-rules";
import { latestByPlan, planVerdict, type PlanVerdictState } from "./verdict";

// PLATINES sessions recorded for a service: the editor's upload, what the service page and the completeness panel
// read, the evidence downloads, and ANS's review and validation.

const INVALID_FORM = "Le formulaire contient des erreurs : rien n'a été enregistré.";
export const SUBMISSION_NOT_FOUND = "Ces résultats PLATINES sont introuvables.";
export const FILE_NOT_FOUND = "Ce fichier est introuvable.";

/** An uploaded file whose bytes are read only once its announced size passed the checks. */
export type UploadedFile = { name: string; size: number; read: () => Promise<Uint8Array> };

const planSelect = {
  id: true,
  name: true,
  api: true,
  description: true,
  isExample: true,
  active: true,
  version: true,
  cases: { select: { identifier: true, title: true }, orderBy: { position: "asc" as const } },
} satisfies Prisma.PlatinesTestPlanSelect;

type PlanRow = Prisma.PlatinesTestPlanGetPayload<{ select: typeof planSelect }>;

/** The active plans that apply to a profile. */
function applicablePlans(profileId: string): Promise<PlanRow[]> {
  return db().platinesTestPlan.findMany({
    where: { active: true, profiles: { some: { id: profileId } } },
    select: planSelect,
    orderBy: { name: "asc" },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Completeness

export type ServicePlanVerdict = { id: string; name: string; state: PlanVerdictState; satisfied: boolean };

/**
 * For each service, its applicable active plans and whether each is satisfied: what the completeness panel needs.
 * Authorization is the caller's (it has already read the services).
 */
export async function platinesPlansOfServices(
  services: readonly { id: string; requestedProfileId: string }[],
  client: Tx | ReturnType<typeof db> = db(),
): Promise<Map<string, ServicePlanVerdict[]>> {
  const result = new Map<string, ServicePlanVerdict[]>();
  if (services.length === 0) return result;
  const profileIds = [...new Set(services.map((s) => s.requestedProfileId))];
  const plans = await client.platinesTestPlan.findMany({
    where: { active: true, profiles: { some: { id: { in: profileIds } } } },
    select: { ...planSelect, profiles: { select: { id: true } } },
    orderBy: { name: "asc" },
  });
  const submissions =
    plans.length === 0
      ? []
      : await client.platinesSubmission.findMany({
          where: { serviceId: { in: services.map((s) => s.id) }, planId: { in: plans.map((p) => p.id) } },
          orderBy: [{ serviceId: "asc" }, { planId: "asc" }, { submittedAt: "desc" }],
          distinct: ["serviceId", "planId"],
          select: { serviceId: true, planId: true, sessionType: true, summary: true, submittedAt: true },
        });
  for (const service of services) {
    const latest = latestByPlan(submissions.filter((s) => s.serviceId === service.id));
    result.set(
      service.id,
      plans
        .filter((plan) => plan.profiles.some((p) => p.id === service.requestedProfileId))
        .map((plan) => {
          const state = planVerdict(plan.cases, latest.get(plan.id) ?? null).state;
          return { id: plan.id, name: plan.name, state, satisfied: state === "satisfied" };
        }),
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const submissionSelect = {
  id: true,
  planId: true,
  sessionType: true,
  sessionIdentifier: true,
  ranOn: true,
  summary: true,
  planVersion: true,
  totalCases: true,
  casesPassed: true,
  satisfied: true,
  submittedAt: true,
  validatedAt: true,
  validationNote: true,
  submittedBy: { select: { name: true } },
  validatedBy: { select: { name: true } },
  reportFile: { select: { id: true, fileName: true, size: true, sha256: true } },
  evidence: { orderBy: { position: "asc" as const }, select: { file: { select: { id: true, fileName: true, size: true, mediaType: true, sha256: true } } } },
} satisfies Prisma.PlatinesSubmissionSelect;

type SubmissionRow = Prisma.PlatinesSubmissionGetPayload<{ select: typeof submissionSelect }>;

export type SubmissionView = {
  id: string;
  planId: string;
  planName: string;
  sessionType: PlatinesSessionType;
  sessionIdentifier: string;
  ranOn: Date;
  submittedAt: Date;
  submittedBy: string;
  /** Evaluated against the plan's current required cases; null when the stored summary is unreadable. */
  evaluation: PlatinesEvaluation | null;
  /** The figures recorded at submission, against the plan as it was then. */
  atSubmission: { planVersion: number; totalCases: number; casesPassed: number; satisfied: boolean };
  reportFile: { id: string; fileName: string; size: number; sha256: string };
  evidence: { id: string; fileName: string; size: number; mediaType: string; sha256: string }[];
  validation: { by: string; at: Date; note: string | null } | null;
  isLatestForPlan: boolean;
};

function viewOf(row: SubmissionRow, plan: { name: string; cases: readonly RequiredCase[] } | undefined, isLatestForPlan: boolean): SubmissionView {
  const summary = readSummary(row.summary);
  const requiredCases = plan?.cases ?? summary?.atSubmission.requiredCases ?? [];
  return {
    id: row.id,
    planId: row.planId,
    planName: plan?.name ?? "Plan de tests",
    sessionType: row.sessionType,
    sessionIdentifier: row.sessionIdentifier,
    ranOn: row.ranOn,
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy.name,
    evaluation: summary ? planVerdict(requiredCases, { sessionType: row.sessionType, summary }).evaluation : null,
    atSubmission: { planVersion: row.planVersion, totalCases: row.totalCases, casesPassed: row.casesPassed, satisfied: row.satisfied },
    reportFile: row.reportFile,
    evidence: row.evidence.map((e) => e.file),
    validation: row.validatedAt && row.validatedBy ? { by: row.validatedBy.name, at: row.validatedAt, note: row.validationNote } : null,
    isLatestForPlan,
  };
}

export type PlanStatusView = {
  id: string;
  name: string;
  api: string;
  description: string;
  isExample: boolean;
  cases: RequiredCase[];
  state: PlanVerdictState;
  latest: SubmissionView | null;
};

async function platinesOfService(serviceId: string) {
  const service = await db().service.findUnique({
    where: { id: serviceId },
    select: {
      id: true,
      name: true,
      requestedProfileId: true,
      requestedProfile: { select: { code: true, label: true } },
      organization: { select: { id: true, legalName: true } },
    },
  });
  if (!service) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  const [plans, rows] = await Promise.all([
    applicablePlans(service.requestedProfileId),
    db().platinesSubmission.findMany({ where: { serviceId }, orderBy: { submittedAt: "desc" }, select: submissionSelect }),
  ]);
  // Plans of older submissions (deactivated, or no longer applying to the profile) are still named.
  const otherPlanIds = [...new Set(rows.map((r) => r.planId))].filter((id) => !plans.some((p) => p.id === id));
  const otherPlans = otherPlanIds.length > 0 ? await db().platinesTestPlan.findMany({ where: { id: { in: otherPlanIds } }, select: planSelect }) : [];
  const planById = new Map([...plans, ...otherPlans].map((p) => [p.id, p]));
  const latest = latestByPlan(rows);
  const submissions = rows.map((row) => viewOf(row, planById.get(row.planId), latest.get(row.planId)?.id === row.id));
  const planStatuses: PlanStatusView[] = plans.map((plan) => {
    const latestView = submissions.find((s) => s.planId === plan.id && s.isLatestForPlan) ?? null;
    const state: PlanVerdictState = latestView === null ? "noSubmission" : latestView.evaluation?.satisfied ? "satisfied" : "notSatisfied";
    return { id: plan.id, name: plan.name, api: plan.api, description: plan.description, isExample: plan.isExample, cases: plan.cases, state, latest: latestView };
  });
  return { service, plans: planStatuses, submissions };
}

/** The editor's PLATINES page of a service: applicable plans with their verdict, every submission, newest first. */
export async function servicePlatinesPage(actor: Actor, serviceId: unknown) {
  const access = await requireServiceAccess(actor, serviceId, "service.read");
  if (!can(actor, { type: "platines.read", organizationId: access.organizationId })) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);
  const data = await platinesOfService(access.serviceId);
  return { ...data, permissions: { submit: can(actor, { type: "platines.submit", organizationId: access.organizationId }) } };
}

/**
 * The review view (ANS reviewers and administrators): per applicable plan, the evaluation of the latest session,
 * its raw counts, report and evidence files, and ANS's validation; plus the full history.
 */
export async function platinesReviewOf(actor: Actor, serviceId: unknown) {
  if (!can(actor, { type: "platines.validate" })) throw new AppError("FORBIDDEN", "Seuls les instructeurs ANS examinent les résultats PLATINES.");
  const id = parseRecordId(serviceId, SERVICE_NOT_FOUND);
  const data = await platinesOfService(id);
  return {
    ...data,
    summary: {
      plansApplicable: data.plans.length,
      plansSatisfied: data.plans.filter((p) => p.state === "satisfied").length,
      plansValidated: data.plans.filter((p) => p.latest?.validation).length,
    },
  };
}

export type PlatinesPageData = Awaited<ReturnType<typeof servicePlatinesPage>>;
export type PlatinesReviewData = Awaited<ReturnType<typeof platinesReviewOf>>;

/** A report or evidence file, for whoever may read the service's results; another organisation's looks missing. */
export async function platinesFileForDownload(actor: Actor, fileId: unknown) {
  const id = parseRecordId(fileId, FILE_NOT_FOUND);
  const owner = await db().storedFile.findUnique({
    where: { id },
    select: {
      platinesReportOf: { select: { service: { select: { organizationId: true } } } },
      platinesEvidenceOf: { select: { submission: { select: { service: { select: { organizationId: true } } } } } },
    },
  });
  const organizationId = owner?.platinesReportOf?.service.organizationId ?? owner?.platinesEvidenceOf?.submission.service.organizationId;
  if (!organizationId || !can(actor, { type: "platines.read", organizationId })) throw new AppError("NOT_FOUND", FILE_NOT_FOUND);
  const file = await readStoredFile(id);
  if (!file) throw new AppError("NOT_FOUND", FILE_NOT_FOUND);
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Changing

function invalid(fieldErrors: Record<string, string>): AppError {
  return new AppError("VALIDATION", INVALID_FORM, fieldErrors);
}

/**
 * An editor records a PLATINES session of a service: the fields, the JUnit report (parsed and evaluated before
 * anything is written) and up to three evidence files. Everything lands in one transaction, or nothing does.
 * Audited as `platines.submitted`.
 */
export async function submitPlatinesSession(
  actor: Actor,
  input: { fields: Record<string, unknown>; report: UploadedFile | null; evidence: readonly UploadedFile[] },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ submissionId: string; satisfied: boolean }> {
  const access = await requireServiceAccess(actor, input.fields.serviceId, "service.manage");
  if (!can(actor, { type: "platines.submit", organizationId: access.organizationId })) throw new AppError("NOT_FOUND", SERVICE_NOT_FOUND);

  // Everything that needs no file content first: fields and sizes, all reported at once.
  const parsed = submissionFieldsSchema(now).safeParse(input.fields);
  const errors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...fileSizeErrors(input.report, input.evidence) };
  if (!parsed.success || Object.keys(errors).length > 0) throw invalid(errors);
  const fields = parsed.data;

  const service = await db().service.findUniqueOrThrow({ where: { id: access.serviceId }, select: { requestedProfileId: true } });
  const plan = (await applicablePlans(service.requestedProfileId)).find((p) => p.id === fields.planId);
  if (!plan) throw invalid({ planId: SUBMISSION_ERRORS.planUnknown });

  // The report is parsed and evaluated outside the transaction: a bad file never opens one.
  const reportBytes = await input.report!.read();
  const parsedReport = parseJunitReport(reportBytes);
  if (!parsedReport.ok) throw invalid({ report: parsedReport.error });
  const evaluation = evaluatePlatinesSession({ sessionType: fields.sessionType, report: parsedReport.report, requiredCases: plan.cases });
  const evidence: { name: string; content: Uint8Array }[] = [];
  for (const file of input.evidence) {
    const content = await file.read();
    if (content.byteLength > MAX_EVIDENCE_BYTES) throw invalid({ evidence: SUBMISSION_ERRORS.evidenceTooLarge(file.name) });
    if (content.byteLength === 0) throw invalid({ evidence: SUBMISSION_ERRORS.evidenceEmpty(file.name) });
    evidence.push({ name: file.name, content });
  }
  const summary = summaryOf(parsedReport.report, evaluation, { version: plan.version, requiredCases: plan.cases });

  return db().$transaction(async (tx) => {
    // The session was read before the checks: lock the service and confirm the membership where it counts.
    await requireManagedServiceInTransaction(tx, actor, access.serviceId);
    const reportName = /\.xml$/i.test(input.report!.name) ? input.report!.name : `${input.report!.name}.xml`;
    const reportFile = await storeFile(tx, { fileName: reportName, mediaType: "application/xml", content: reportBytes, createdById: actor.userId });
    const submission = await tx.platinesSubmission.create({
      data: {
        serviceId: access.serviceId,
        planId: plan.id,
        sessionType: fields.sessionType,
        sessionIdentifier: fields.sessionIdentifier,
        ranOn: new Date(`${fields.ranOn}T00:00:00Z`),
        reportFileId: reportFile.id,
        summary: summary as unknown as Prisma.InputJsonObject,
        planVersion: plan.version,
        totalCases: evaluation.totalCases,
        casesPassed: evaluation.casesPassed,
        satisfied: evaluation.satisfied,
        submittedById: actor.userId,
        submittedAt: now,
      },
      select: { id: true },
    });
    const stored = [];
    for (const [position, file] of evidence.entries()) {
      const storedFile = await storeFile(tx, { fileName: file.name, mediaType: evidenceMediaType(file.name), content: file.content, createdById: actor.userId });
      await tx.platinesEvidence.create({ data: { submissionId: submission.id, fileId: storedFile.id, position } });
      stored.push({ fileName: storedFile.fileName, size: storedFile.size, sha256: storedFile.sha256 });
    }
    await recordEvent(tx, {
      name: "platines.submitted",
      actor: userActor(actor.userId),
      organizationId: access.organizationId,
      subjectId: submission.id,
      request,
      payload: {
        serviceId: access.serviceId,
        planId: plan.id,
        planVersion: plan.version,
        sessionType: fields.sessionType,
        sessionIdentifier: fields.sessionIdentifier,
        ranOn: fields.ranOn,
        report: { fileName: reportFile.fileName, size: reportFile.size, sha256: reportFile.sha256 },
        evidence: stored,
        totalCases: evaluation.totalCases,
        casesPassed: evaluation.casesPassed,
        satisfied: evaluation.satisfied,
      },
    });
    return { submissionId: submission.id, satisfied: evaluation.satisfied };
  });
}

const NOTE_MAX = 2000;

/**
 * An ANS reviewer records that ANS validated a service's PLATINES results (the latest session of its plan), with
 * an optional note. Once only. Audited as `platines.validated`.
 */
export async function validatePlatinesSubmission(
  actor: Actor,
  submissionId: unknown,
  raw: { note?: unknown },
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ submissionId: string; serviceId: string }> {
  if (!can(actor, { type: "platines.validate" })) throw new AppError("FORBIDDEN", "Seuls les instructeurs ANS valident les résultats PLATINES.");
  const id = parseRecordId(submissionId, SUBMISSION_NOT_FOUND);
  const note = typeof raw.note === "string" ? raw.note.trim() : "";
  if (note.length > NOTE_MAX) throw invalid({ note: `La note ne peut pas dépasser ${NOTE_MAX} caractères.` });
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ serviceId: string; planId: string; organizationId: string; validatedAt: Date | null; submittedAt: Date }[]>`
      SELECT s."serviceId"::text AS "serviceId", s."planId"::text AS "planId", v."organizationId"::text AS "organizationId", s."validatedAt", s."submittedAt"
      FROM "PlatinesSubmission" s JOIN "Service" v ON v."id" = s."serviceId"
      WHERE s."id" = ${id}::uuid FOR UPDATE OF s`;
    const submission = rows[0];
    if (!submission) throw new AppError("NOT_FOUND", SUBMISSION_NOT_FOUND);
    if (submission.validatedAt) throw new AppError("CONFLICT", "Ces résultats ont déjà été validés par l'ANS.");
    const newer = await tx.platinesSubmission.count({ where: { serviceId: submission.serviceId, planId: submission.planId, submittedAt: { gt: submission.submittedAt } } });
    if (newer > 0) throw new AppError("CONFLICT", "Une session plus récente a été déposée pour ce plan : validez celle-ci.");
    await tx.platinesSubmission.update({ where: { id }, data: { validatedById: actor.userId, validatedAt: now, validationNote: note === "" ? null : note } });
    await recordEvent(tx, {
      name: "platines.validated",
      actor: userActor(actor.userId),
      organizationId: submission.organizationId,
      subjectId: id,
      request,
      payload: { serviceId: submission.serviceId, planId: submission.planId, note: note === "" ? null : note },
    });
    return { submissionId: id, serviceId: submission.serviceId };
  });
}
