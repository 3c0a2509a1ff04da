import { z } from "zod";
import { versionFieldWith } from "../concurrency";
import { reviewText } from "../message-text";

// Pure: what reviewers type to change an enrolment, and the French answers when it cannot be found or changed.

export const ENROLMENT_NOT_FOUND = "Cette habilitation est introuvable.";
export const ENROLMENT_MODIFIED_MEANWHILE =
  "L'habilitation a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page pour voir son état à jour ; votre action n'a pas été appliquée.";

export const enrolmentVersionField = versionFieldWith(ENROLMENT_MODIFIED_MEANWHILE);

export const suspendSchema = z.object({ reason: reviewText("Indiquez le motif de la suspension.") });
export const revokeSchema = z.object({ reason: reviewText("Indiquez le motif de la révocation.") });
