import "server-only";
// Level-1 quota (per API, all callers), edited by administrators. It bumps the whitelist revision through the
// trigger on its table, so the export changes at once. Level 2 is an enrolment's: lib/enrolments/quotas.server.ts.
import { versionField } from "../applications/application-records.server";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { RequestContext } from "../request.server";
import { typedQuota } from "../quota-schema";
import { level1QuotaSchema, QUOTA_RANGE_MESSAGE } from "./quotas";

const LEVEL1_MODIFIED_MEANWHILE =
  "Le quota de niveau 1 a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa valeur à jour ; votre modification n'a pas été appliquée.";
const ADMINISTRATORS_ONLY = "Seuls les administrateurs de l'ANS peuvent faire cela.";

export async function updateLevel1Quota(actor: Actor, raw: { perApiPerSecond?: unknown; version?: unknown }, request: RequestContext): Promise<{ version: number }> {
  if (!can(actor, { type: "level1Quota.manage" })) throw new AppError("FORBIDDEN", ADMINISTRATORS_ONLY);
  const version = versionField.safeParse(raw.version);
  if (!version.success) throw new AppError("CONFLICT", LEVEL1_MODIFIED_MEANWHILE);
  const parsed = level1QuotaSchema.safeParse({ perApiPerSecond: typedQuota.parse(raw.perApiPerSecond) });
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
