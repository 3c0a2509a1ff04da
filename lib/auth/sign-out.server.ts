import { recordAudit } from "../audit.server";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";

export async function recordSignOut(userId: string, request: RequestContext): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, { type: "user.signed_out", actorId: userId, subject: { type: "User", id: userId }, request }),
  );
}
