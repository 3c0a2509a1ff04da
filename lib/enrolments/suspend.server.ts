import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { requireReviewer, validationError } from "../applications/application-records.server";
import { changeEnrolment } from "./change.server";
import { suspendSchema } from "../review/review-input";

/** A reviewer suspends an active enrolment (reason required): the gateway refuses the service's calls meanwhile. */
export async function suspendEnrolment(actor: Actor, raw: { enrolmentId?: unknown; version?: unknown; reason?: unknown }, request: RequestContext, now: Date = new Date()) {
  requireReviewer(actor, "enrolment.manage");
  const parsed = suspendSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return changeEnrolment(actor, "suspend", raw, parsed.data.reason, request, now);
}
