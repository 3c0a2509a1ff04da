import "server-only";
// Quota use cases: level 1 (per API, all callers) edited by administrators; level 2 (per enrolment) set by reviewers,
// with a reason when it departs from the profile's defaults. Both bump the whitelist revision through the triggers
// on their tables, so the export changes at once.
import { z } from "zod";
import { requireReviewer, requireVersion, validationError, versionField } from "../applications/application-records.server";
import { ENROLMENT_MODIFIED_MEANWHILE } from "../enrolments/change-input";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { lockEnrolment, parseEnrolmentRef } from "../enrolments/records.server";
import { level1QuotaSchema, level2QuotaSchema, QUOTA_RANGE_MESSAGE } from "./quotas";

const LEVEL1_MODIFIED_MEANWHILE =
  "Le quota de niveau 1 a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa valeur à jour ; votre modification n'a pas été appliquée.";
const ADMINISTRATORS_ONLY = "Seuls les administrateurs de l'ANS peuvent faire cela.";

/** "12" or 12 → 12; anything that is not an integer stays as is so the schema refuses it with the range. */
const integerInput = z.preprocess((value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : typeof value === "string" ? Number.NaN : value), z.unknown());

export async function updateLevel1Quota(actor: Actor, raw: { perApiPerSecond?: unknown; version?: unknown }, request: RequestContext): Promise<{ version: number }> {
  if (!can(actor, { type: "level1Quota.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
  const version = versionField.safeParse(raw.version);
  if (!version.success) throw new AppError("CONFLICT", LEVEL1_MODIFIED_MEANWHILE);
  const parsed = level1QuotaSchema.safeParse({ perApiPerSecond: integerInput.parse(raw.perApiPerSecond) });
  if (!parsed.success) throw new AppError("VALIDATION", QUOTA_RANGE_MESSAGE, { perApiPerSecond: QUOTA_RANGE_MESSAGE });
  return db().$transaction(async (tx) => {
    const before = await tx.level1QuotaSetting.findUnique({ where: { id: 1 } });
    if (!before || before.version !== version.data) throw new AppError("CONFLICT", LEVEL1_MODIFIED_MEANWHILE);
    const { count } = await tx.level1QuotaSetting.updateMany({
      where: { id: 1, version: version.data },
      data: { perApiPerSecond: parsed.data.perApiPerSecond, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (count !== 1) throw new AppError("CONFLICT", LEVEL1_MODIFIED_MEANWHILE);
    await recordEvent(tx, {
      name: "level1_quota.updated",
      actor: userActor(actor.userId),
      subjectId: "1",
      request,
      payload: { from: before.perApiPerSecond, to: parsed.data.perApiPerSecond },
    });
    return { version: version.data + 1 };
  });
}

export type Level2QuotaRaw = { enrolmentId?: unknown; version?: unknown; authenticatedPerSecond?: unknown; publicPerSecond?: unknown; reason?: unknown };

/**
 * A reviewer sets an enrolment's level-2 quotas (active or suspended enrolment). A reason is required when they
 * depart from the profile's current defaults; back to the defaults, the reason is cleared.
 */
export async function setEnrolmentQuotas(actor: Actor, raw: Level2QuotaRaw, request: RequestContext): Promise<{ version: number }> {
  requireReviewer(actor, "enrolment.manage");
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
      authenticatedPerSecond: integerInput.parse(raw.authenticatedPerSecond),
      publicPerSecond: integerInput.parse(raw.publicPerSecond),
      reason: typeof raw.reason === "string" ? raw.reason : null,
    });
    if (!parsed.success) throw validationError(parsed.error);
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
