import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { db } from "../db.server";
import type { RequestContext } from "../request.server";

export async function recordSignOut(userId: string, request: RequestContext): Promise<void> {
  await db().$transaction((tx) =>
    recordEvent(tx, { name: "user.signed_out", actor: userActor(userId), subjectId: userId, request, payload: {} }),
  );
}
