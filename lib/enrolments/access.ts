import { can, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { ROLE_MESSAGES } from "../lifecycle-rules";

/** Who may change an enrolment: ANS reviewers (checked before anything is read). */
export function requireEnrolmentManager(actor: Actor): void {
  if (!can(actor, { type: "enrolment.manage" })) throw new AppError("FORBIDDEN", ROLE_MESSAGES.reviewer);
}
