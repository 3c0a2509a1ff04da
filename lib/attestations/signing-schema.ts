import { z } from "zod";
import { plainTextProblem } from "./attestation-schema";

// Pure: what a signatory confirms when signing (browser and server). The signature image itself is checked
// by signature-image.ts on the server.

// A simple electronic signature (eIDAS art. 3(10), 25(1)): admissible as evidence, but only a qualified signature
// has the effect of a handwritten one (art. 25(2)). The sentence says what the person consents to and what is
// kept, and claims no more (ADR 0006).
export const CONSENT_SENTENCE =
  "Je confirme avoir lu l'attestation de client ci-dessus et en approuver le contenu, que je signe par une signature " +
  "électronique simple. Je sais que les éléments de preuve de cette signature (mes nom, fonction et adresse e-mail, la " +
  "date et l'heure, l'adresse IP et l'empreinte du document) sont conservés avec l'attestation scellée.";

function confirmedText(missing: string, max: number) {
  return z
    .string({ error: missing })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, missing)
        .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`)
        .superRefine((value, ctx) => {
          const problem = plainTextProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    );
}

export const signSchema = z.object({
  signerName: confirmedText("Confirmez vos prénom et nom.", 200),
  signerFunction: confirmedText("Confirmez votre fonction.", 150),
  consent: z.literal(true, { error: "Cochez la déclaration pour signer." }),
  signature: z.string({ error: "Dessinez votre signature ou saisissez votre nom pour la générer." }).min(1, "Dessinez votre signature ou saisissez votre nom pour la générer."),
});

export type SignInput = z.input<typeof signSchema>;

export const declineReasonSchema = z.object({
  reason: confirmedText("Indiquez la raison du refus.", 2000),
});
