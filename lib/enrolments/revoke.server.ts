import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { requireReviewer, validationError } from "../applications/application-records.server";
import { changeEnrolment } from "./change.server";
import { revokeSchema } from "../review/review-input";

/** A reviewer revokes an active or suspended enrolment (reason required). Final: the service may apply anew. */
export async function revokeEnrolment(actor: Actor, raw: { enrolmentId?: unknown; version?: unknown; reason?: unknown }, request: RequestContext, now: Date = new Date()) {
  requireReviewer(actor, "enrolment.manage");
  const parsed = revokeSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return changeEnrolment(actor, "revoke", raw, parsed.data.reason, request, now);
}
