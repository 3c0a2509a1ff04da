import { z } from "zod";
import { reviewText } from "../message-text";

// Pure: the forms of the review's decisions (besides the dossier id and version, checked by the use cases).

export const requestChangesSchema = z.object({ message: reviewText("Indiquez à l'éditeur les modifications attendues.") });
export const refuseSchema = z.object({ reason: reviewText("Indiquez le motif du refus.") });
export const approveSchema = z.object({
  accessProfileId: z.uuid({ error: "Choisissez le profil d'accès accordé." }),
});

export const PROFILE_NOT_IN_CATALOGUE = "Ce profil d'accès n'existe pas ou n'est plus proposé. Choisissez un profil du catalogue.";
