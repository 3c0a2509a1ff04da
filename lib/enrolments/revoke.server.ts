import "server-only";
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { invalidForm } from "../validation";
import { requireEnrolmentManager } from "./access";
import { changeEnrolment } from "./change.server";
import { revokeSchema } from "./change-input";

/** A reviewer revokes an active or suspended enrolment (reason required). Final: the service may apply anew. */
export async function revokeEnrolment(actor: Actor, raw: { enrolmentId?: unknown; version?: unknown; reason?: unknown }, request: RequestContext, now: Date = new Date()) {
  requireEnrolmentManager(actor);
  const parsed = revokeSchema.safeParse(raw);
  if (!parsed.success) throw invalidForm(parsed.error);
  return changeEnrolment(actor, "revoke", raw, parsed.data.reason, request, now);
}
