import { can, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { fieldErrorsOf } from "../validation";
import type { z } from "zod";

// Who may change an enrolment, and the form's answer when what they typed is refused.

export function requireEnrolmentManager(actor: Actor): void {
  if (!can(actor, { type: "enrolment.manage" })) throw new AppError("FORBIDDEN", "Seuls les instructeurs de l'ANS peuvent faire cela.");
}

export function invalidChange(error: z.ZodError): AppError {
  return new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(error));
}
