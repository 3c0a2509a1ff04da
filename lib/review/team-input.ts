import { z } from "zod";
import { reviewText } from "../message-text";

// Pure: the forms of a review team (ADR 0035): who is in charge of a dossier, and the internal notes of ANS staff.

export const ASSIGNMENT_MESSAGES = {
  notAReviewer: "Choisissez un instructeur ou un administrateur de l'ANS dont le compte est actif.",
  changedMeanwhile: (current: string | null) =>
    `Le dossier a été ${current ? `attribué entre-temps à ${current}` : "libéré entre-temps"}. Rechargez la page pour voir qui en a la charge ; votre action n'a pas été appliquée.`,
} as const;

export const NOTE_EMPTY = "Écrivez la note.";

const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.uuid({ error: ASSIGNMENT_MESSAGES.notAReviewer }).nullable());

/**
 * An assignment: the person now in charge (null: nobody, the dossier goes back to every reviewer), and the one the
 * reviewer saw in charge when they chose (null: nobody), so that two reviewers taking the same dossier at once
 * cannot both win.
 */
export const assignmentSchema = z.object({
  assigneeId: optionalId,
  expectedAssigneeId: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.uuid().nullable().catch(null)),
});

export const noteSchema = z.object({ body: reviewText(NOTE_EMPTY) });
