import "server-only";
// What the gateways run (ADR 0058): per environment the last report and the last revision applied, and for one
// enrolment whether its last change is in a revision a gateway has applied.
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import type { EnrolmentGrant } from "../enrolments/grant";
import { AppError } from "../errors";
import { ENVIRONMENTS, type Environment } from "../vocabulary";

export type GatewayReportView = { result: "APPLIED" | "FAILED"; revision: string; appliedAt: Date; receivedAt: Date; message: string; revisionGeneratedAt: Date };
export type GatewayStatus = { lastReport: GatewayReportView | null; lastApplied: GatewayReportView | null; latestRevision: { revision: string; generatedAt: Date } | null };

const REPORT_SELECT = { result: true, appliedAt: true, receivedAt: true, message: true, revision: { select: { id: true, generatedAt: true } } } as const;

function view(row: { result: "APPLIED" | "FAILED"; appliedAt: Date; receivedAt: Date; message: string; revision: { id: bigint; generatedAt: Date } } | null): GatewayReportView | null {
  return row ? { result: row.result, revision: row.revision.id.toString(), appliedAt: row.appliedAt, receivedAt: row.receivedAt, message: row.message, revisionGeneratedAt: row.revision.generatedAt } : null;
}

async function statusOf(environment: Environment): Promise<GatewayStatus> {
  const [lastReport, lastApplied, latest] = await Promise.all([
    db().gatewayReport.findFirst({ where: { environment }, orderBy: { id: "desc" }, select: REPORT_SELECT }),
    // The gateway runs the newest revision it applied, whatever failed after it.
    db().gatewayReport.findFirst({ where: { environment, result: "APPLIED" }, orderBy: [{ revisionId: "desc" }, { id: "desc" }], select: REPORT_SELECT }),
    db().gatewayRevision.findFirst({ where: { environment }, orderBy: { id: "desc" }, select: { id: true, generatedAt: true } }),
  ]);
  return { lastReport: view(lastReport), lastApplied: view(lastApplied), latestRevision: latest ? { revision: latest.id.toString(), generatedAt: latest.generatedAt } : null };
}

export async function gatewayStatuses(actor: Actor): Promise<Record<Environment, GatewayStatus>> {
  if (!can(actor, { type: "gatewayConfig.download" })) throw new AppError("FORBIDDEN", "Réservé aux instructeurs de l'ANS.");
  const [TEST, PRODUCTION] = await Promise.all(ENVIRONMENTS.map(statusOf));
  return { TEST: TEST!, PRODUCTION: PRODUCTION! };
}

export type EnforcementState = { environment: Environment; enforced: boolean; appliedAt: Date | null; revision: string | null };

/**
 * For each environment the enrolment's grant covers: enforced when a gateway applied a revision generated after the
 * enrolment last changed (a revision holds the whitelist as it was when generated). The caller checks access.
 */
export async function enrolmentEnforcement(enrolment: { updatedAt: Date; grant: unknown }): Promise<EnforcementState[]> {
  const grant = enrolment.grant as Partial<EnrolmentGrant>;
  const covered = ENVIRONMENTS.filter(
    (environment) => (grant.urls ?? []).some((u) => u.environment === environment) || (grant.certificates ?? []).some((c) => c.environment === environment),
  );
  return Promise.all(
    covered.map(async (environment) => {
      const applied = await db().gatewayReport.findFirst({
        where: { environment, result: "APPLIED", revision: { generatedAt: { gte: enrolment.updatedAt } } },
        orderBy: { id: "asc" },
        select: { appliedAt: true, revision: { select: { id: true } } },
      });
      return { environment, enforced: applied !== null, appliedAt: applied?.appliedAt ?? null, revision: applied?.revision.id.toString() ?? null };
    }),
  );
}

/** For the reviewer's enrolment page: where its last change is enforced, and whether it was imported. */
export async function enrolmentEnforcementForReview(actor: Actor, enrolmentId: string): Promise<{ imported: boolean; states: EnforcementState[] }> {
  if (!can(actor, { type: "whitelist.view" })) throw new AppError("FORBIDDEN", "Réservé aux instructeurs de l'ANS.");
  const enrolment = await db().enrolment.findUnique({ where: { id: enrolmentId }, select: { updatedAt: true, grant: true, origin: true } });
  return enrolment ? { imported: enrolment.origin === "IMPORT", states: await enrolmentEnforcement(enrolment) } : { imported: false, states: [] };
}

/** "appliquée à la passerelle de test le … (révision 812)" or why not yet. */
export function enforcementSentence(state: EnforcementState, environmentLabel: string): string {
  if (!state.enforced || !state.appliedAt) return `Passerelle de ${environmentLabel} : dernière modification pas encore appliquée.`;
  const when = state.appliedAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
  return `Passerelle de ${environmentLabel} : dernière modification appliquée le ${when} (révision ${state.revision}).`;
}
