import "server-only";
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { invalidForm } from "../validation";
import { requireEnrolmentManager } from "./access";
import { changeEnrolment } from "./change.server";
import { suspendSchema } from "./change-input";

/** A reviewer suspends an active enrolment (reason required): the gateway refuses the service's calls meanwhile. */
export async function suspendEnrolment(actor: Actor, raw: { enrolmentId?: unknown; version?: unknown; reason?: unknown }, request: RequestContext, now: Date = new Date()) {
  requireEnrolmentManager(actor);
  const parsed = suspendSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  return changeEnrolment(actor, "suspend", raw, parsed.data.reason, request, now);
}
