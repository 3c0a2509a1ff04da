import "server-only";
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { requireEnrolmentManager } from "./access";
import { changeEnrolment } from "./change.server";

/** A reviewer reinstates a suspended enrolment. */
export async function reinstateEnrolment(actor: Actor, raw: { enrolmentId?: unknown; version?: unknown }, request: RequestContext, now: Date = new Date()) {
  requireEnrolmentManager(actor);
  return changeEnrolment(actor, "reinstate", raw, null, request, now);
}
