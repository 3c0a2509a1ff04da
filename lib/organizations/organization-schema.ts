import { z } from "zod";
import { normalizeIdentifier, siretProblem } from "./identifiers";
import { MIN_PASSWORD_LENGTH } from "./sign-up-schema";

// Pure: the forms of the organisation page and of the invitation page, validated in the browser and again
// on the server.

const requiredText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Saisissez ${label}.`)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`);

export const siretSchema = z
  .string()
  .min(1, "Saisissez le numéro SIRET.")
  .max(40, "Le SIRET doit comporter exactement 14 chiffres.")
  .superRefine((value, ctx) => {
    const problem = siretProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform(normalizeIdentifier);

export const organizationDetailsSchema = z.object({
  legalName: requiredText("la raison sociale", 200),
  siret: siretSchema,
  address: requiredText("l'adresse postale", 500),
  /** The organisation's updatedAt as the form saw it: a change made meanwhile is refused, never overwritten. */
  version: z.string().min(1, "Version manquante : rechargez la page."),
});

export type OrganizationDetailsInput = z.input<typeof organizationDetailsSchema>;
export type OrganizationDetails = Pick<z.output<typeof organizationDetailsSchema>, "legalName" | "siret" | "address">;

export type OrganizationChanges = Partial<Record<keyof OrganizationDetails, { before: string; after: string }>>;

/** The fields that differ, with their values before and after: what `organization.updated` records. */
export function organizationChanges(before: OrganizationDetails, after: OrganizationDetails): OrganizationChanges {
  const changes: OrganizationChanges = {};
  for (const field of ["legalName", "siret", "address"] as const) {
    if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

export const invitationSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Saisissez l'adresse e-mail de votre collègue.")
    .max(254, "L'adresse e-mail ne peut pas dépasser 254 caractères.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
    .transform((email) => email.toLowerCase()),
  asLegalRepresentative: z.boolean(),
});

export type InvitationInput = z.input<typeof invitationSchema>;

export const joinWithNewAccountSchema = z
  .object({
    name: requiredText("vos nom et prénom", 120),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
      .max(200, "Le mot de passe ne peut pas dépasser 200 caractères."),
    passwordConfirmation: z.string().min(1, "Confirmez le mot de passe."),
  })
  .refine((data) => data.password === data.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "Les deux mots de passe ne correspondent pas.",
  });

export type JoinWithNewAccountInput = z.input<typeof joinWithNewAccountSchema>;

/** Record ids travel through forms: anything that is not a UUID is refused before reaching the database. */
export const recordId = z.uuid();

/** The organisation's second-factor setting (issue 19): every member must have one, or each chooses. */
export const secondFactorRequirementSchema = z.object({
  requireSecondFactor: z.boolean({ error: "Indiquez si le second facteur est exigé des membres." }),
});

export type SecondFactorRequirementInput = z.input<typeof secondFactorRequirementSchema>;
