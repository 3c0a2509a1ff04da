import "server-only";
// An enrolment's level-2 quotas, set by a reviewer (active or suspended enrolment). It bumps the whitelist revision
// through the trigger on its table, so the export changes at once.
import { refreshGatewayEntries } from "../whitelist/gateway-entries.server";
import { requireVersion } from "../concurrency";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { typedQuota } from "../quota-schema";
import { invalidForm } from "../validation";
import { requireEnrolmentManager } from "./access";
import { ENROLMENT_MODIFIED_MEANWHILE } from "./change-input";
import { level2QuotaSchema } from "./quotas";
import { lockEnrolment, parseEnrolmentRef } from "./records.server";

export type Level2QuotaRaw = { enrolmentId?: unknown; version?: unknown; authenticatedPerSecond?: unknown; publicPerSecond?: unknown; reason?: unknown };

/**
 * A reviewer sets an enrolment's level-2 quotas (active or suspended enrolment). A reason is required when they
 * depart from the profile's current defaults; back to the defaults, the reason is cleared.
 */
export async function setEnrolmentQuotas(actor: Actor, raw: Level2QuotaRaw, request: RequestContext): Promise<{ version: number }> {
  requireEnrolmentManager(actor);
  const { enrolmentId, version } = parseEnrolmentRef(raw);
  return db().$transaction(async (tx) => {
    const locked = await lockEnrolment(tx, enrolmentId);
    requireVersion(locked, version, ENROLMENT_MODIFIED_MEANWHILE);
    if (locked.status !== "ACTIVE" && locked.status !== "SUSPENDED") {
      throw new AppError("CONFLICT", "Cette habilitation n'est plus en vigueur : ses quotas ne peuvent plus être modifiés.");
    }
    const enrolment = await tx.enrolment.findUniqueOrThrow({
      where: { id: enrolmentId },
      select: {
        level2AuthenticatedPerSecond: true,
        level2PublicPerSecond: true,
        quotaReason: true,
        accessProfile: { select: { level2AuthenticatedPerSecond: true, level2PublicPerSecond: true } },
      },
    });
    const defaults = { authenticatedPerSecond: enrolment.accessProfile.level2AuthenticatedPerSecond, publicPerSecond: enrolment.accessProfile.level2PublicPerSecond };
    const parsed = level2QuotaSchema(defaults).safeParse({
      authenticatedPerSecond: typedQuota.parse(raw.authenticatedPerSecond),
      publicPerSecond: typedQuota.parse(raw.publicPerSecond),
      reason: typeof raw.reason === "string" ? raw.reason : null,
    });
    if (!parsed.success) throw invalidForm(parsed.error);
    const next = parsed.data;
    const from = { authenticatedPerSecond: enrolment.level2AuthenticatedPerSecond, publicPerSecond: enrolment.level2PublicPerSecond, reason: enrolment.quotaReason };
    const { count } = await tx.enrolment.updateMany({
      where: { id: enrolmentId, version },
      data: {
        level2AuthenticatedPerSecond: next.authenticatedPerSecond,
        level2PublicPerSecond: next.publicPerSecond,
        quotaReason: next.reason,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", ENROLMENT_MODIFIED_MEANWHILE);
    await refreshGatewayEntries(tx, [enrolmentId]);
    const to = { authenticatedPerSecond: next.authenticatedPerSecond, publicPerSecond: next.publicPerSecond, reason: next.reason };
    await recordEvent(tx, {
      name: "enrolment.quotas_changed",
      actor: userActor(actor.userId),
      organizationId: locked.organizationId,
      subjectId: enrolmentId,
      request,
      payload: { from, to, serviceId: locked.serviceId, reason: next.reason },
    });
    return { version: version + 1 };
  });
}
