import { z } from "zod";
import { normalizeIdentifier, siretProblem } from "../organizations/identifiers";
import { allSignatories, duplicateEmailErrors, MAX_CLIENT_SIGNATORIES, TOO_MANY_SIGNATORIES, type ClientSignatory } from "./signatories";

// Pure: the client attestation form (charter Annex 1), validated in the browser and again on the server.
// A draft may be incomplete: every field may stay empty, but whatever is typed must already be valid. Sending
// for signature then requires every field (`missingFields`). Markup is refused, never stored (ADR 0006): the
// values end up in a signed legal document that must read as plain text.

/** The labels of Annex 1, word for word, plus the portal's own sub-labels for split fields. */
export const ATTESTATION_LABELS = {
  clientName: "Nom du client",
  clientAddress: "Adresse du client",
  clientSignatoryLastName: "Nom du responsable signataire pour le client",
  clientSignatoryFirstName: "Prénom du responsable signataire pour le client",
  clientSignatoryFunction: "Fonction du responsable signataire pour le client",
  clientSiret: "Numéro SIRET du client",
  clientSignatoryEmail: "Adresse électronique du responsable signataire pour le client",
  editorLegalRepresentativeId: "Nom et prénom du responsable légal de la société éditrice du logiciel concerné",
  orderSignedOn: "Date de signature de la commande",
  softwareVersion: "Version logicielle concernée par la connexion au ROR",
  place: "Fait à",
} as const;

/** The group labels of Annex 1. */
export const ANNEX_LABELS = {
  client: "Nom et adresse du client",
  clientSignatory: "Nom, prénom et fonction du responsable signataire pour le client",
  clientSiret: "Numéro SIRET du client",
  editor: "Nom et adresse de l'éditeur",
  editorLegalRepresentative: "Nom et prénom du responsable légal de la société éditrice du logiciel concerné",
  orderSignedOn: "Date de signature de la commande",
  softwareVersion: "Version logicielle concernée par la connexion au ROR",
  clientSignature: "Signature du/des commanditaire(s)",
  editorSignature: "Signature du responsable légal de l'éditeur",
} as const;

export type AttestationField = keyof typeof ATTESTATION_LABELS;
export const ATTESTATION_FIELDS = Object.keys(ATTESTATION_LABELS) as AttestationField[];

export const ATTESTATION_LIMITS = {
  clientName: 200,
  clientAddress: 500,
  clientSignatoryLastName: 100,
  clientSignatoryFirstName: 100,
  clientSignatoryFunction: 150,
  clientSignatoryEmail: 254,
  softwareVersion: 50,
  place: 120,
} as const;

const MARKUP = /<\s*[a-zA-Z/!?]|javascript\s*:|&#?[a-zA-Z0-9]+;/;
// Control characters other than line breaks in multi-line fields (tabs are turned into spaces).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
export const MARKUP_REFUSED = "Les balises HTML, les scripts et les entités ne sont pas acceptés : saisissez du texte simple.";
export const CONTROL_REFUSED = "Ce champ contient des caractères invisibles ou de contrôle : saisissez du texte simple.";

/** The French reason a text cannot go in an attestation, or null. */
export function plainTextProblem(value: string): string | null {
  if (MARKUP.test(value)) return MARKUP_REFUSED;
  if (CONTROL.test(value)) return CONTROL_REFUSED;
  return null;
}

const tooLong = (max: number) => `Ce champ ne peut pas dépasser ${max.toLocaleString("fr-FR")} caractères.`;

function text(max: number, { multiline = false } = {}) {
  return z
    .string({ error: "Saisissez du texte." })
    .transform((value) => (multiline ? value.replace(/\r\n?/g, "\n").replace(/\t/g, " ") : value.replace(/[\r\n\t]+/g, " ")))
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(max, tooLong(max))
        .superRefine((value, ctx) => {
          const problem = plainTextProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    );
}

const siret = z
  .string({ error: "Saisissez le numéro SIRET du client." })
  .max(40, "Le SIRET doit comporter exactement 14 chiffres.")
  .superRefine((value, ctx) => {
    if (value.trim() === "") return;
    const problem = siretProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => (value.trim() === "" ? "" : normalizeIdentifier(value)));

const email = z
  .string({ error: "Saisissez une adresse électronique." })
  .trim()
  .max(ATTESTATION_LIMITS.clientSignatoryEmail, tooLong(ATTESTATION_LIMITS.clientSignatoryEmail))
  .superRefine((value, ctx) => {
    if (value === "") return;
    if (!z.email().safeParse(value).success) ctx.addIssue({ code: "custom", message: "Saisissez une adresse électronique valide, par exemple nom@exemple.fr." });
  })
  .transform((value) => value.toLowerCase());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in Europe/Paris as YYYY-MM-DD: the day against which "not in the future" is judged. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const orderDate = (today: string) =>
  z
    .string({ error: "Saisissez une date." })
    .trim()
    .superRefine((value, ctx) => {
      if (value === "") return;
      if (!isRealDate(value)) ctx.addIssue({ code: "custom", message: "Saisissez une date valide, par exemple 15/03/2026." });
      else if (value > today) ctx.addIssue({ code: "custom", message: "La date de signature de la commande ne peut pas être dans le futur." });
      else if (value < "1990-01-01") ctx.addIssue({ code: "custom", message: "Saisissez une date postérieure au 1er janvier 1990." });
    });

const LEGAL_REPRESENTATIVE = "Choisissez le responsable légal parmi les représentants légaux de l'organisation.";

/** Signatories 2 to 10 of the client: the same rules as the first one's fields. */
export const additionalSignatorySchema = z.object({
  lastName: text(ATTESTATION_LIMITS.clientSignatoryLastName),
  firstName: text(ATTESTATION_LIMITS.clientSignatoryFirstName),
  function: text(ATTESTATION_LIMITS.clientSignatoryFunction),
  email,
});

const blankSignatory = (s: ClientSignatory) => s.lastName === "" && s.firstName === "" && s.function === "" && s.email === "";

/** The form; `today` (YYYY-MM-DD, Europe/Paris) is passed in so the rule stays pure. */
export function attestationSchema(today: string) {
  return attestationObject(today).superRefine(refuseDuplicateEmails);
}

/** No e-mail twice among the client signatories: the error goes next to the later one. */
function refuseDuplicateEmails(data: z.output<ReturnType<typeof attestationObject>>, ctx: z.RefinementCtx) {
  for (const [path, message] of Object.entries(duplicateEmailErrors(allSignatories(data, data.additionalClientSignatories)))) {
    ctx.addIssue({ code: "custom", path: path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message });
  }
}

function attestationObject(today: string) {
  return z.object({
    clientName: text(ATTESTATION_LIMITS.clientName),
    clientAddress: text(ATTESTATION_LIMITS.clientAddress, { multiline: true }),
    clientSignatoryLastName: text(ATTESTATION_LIMITS.clientSignatoryLastName),
    clientSignatoryFirstName: text(ATTESTATION_LIMITS.clientSignatoryFirstName),
    clientSignatoryFunction: text(ATTESTATION_LIMITS.clientSignatoryFunction),
    clientSiret: siret,
    clientSignatoryEmail: email,
    editorLegalRepresentativeId: z
      .string({ error: LEGAL_REPRESENTATIVE })
      .trim()
      .refine((value) => value === "" || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value), LEGAL_REPRESENTATIVE),
    orderSignedOn: orderDate(today),
    softwareVersion: text(ATTESTATION_LIMITS.softwareVersion),
    place: text(ATTESTATION_LIMITS.place),
    // Absent from forms of the previous release: one signatory, in parallel.
    additionalClientSignatories: z
      .array(additionalSignatorySchema, { error: "Liste de signataires invalide : rechargez la page." })
      .max(MAX_CLIENT_SIGNATORIES - 1, TOO_MANY_SIGNATORIES)
      .default([])
      .transform((list) => list.filter((s) => !blankSignatory(s))),
    signingOrder: z.enum(["PARALLEL", "ORDERED"], { error: "Choisissez l'ordre de signature." }).default("PARALLEL"),
  });
}

/** Editing also sends the version the form saw: a change made meanwhile is refused, never overwritten. */
export function attestationUpdateSchema(today: string) {
  return attestationObject(today)
    .extend({
      version: z.coerce.number({ error: "Version manquante : rechargez la page." }).int().min(1, "Version manquante : rechargez la page."),
    })
    .superRefine(refuseDuplicateEmails);
}

export type AttestationInput = z.input<ReturnType<typeof attestationSchema>>;
export type AttestationData = z.output<ReturnType<typeof attestationSchema>>;

const MISSING: Record<AttestationField, string> = {
  clientName: "Saisissez le nom du client.",
  clientAddress: "Saisissez l'adresse du client.",
  clientSignatoryLastName: "Saisissez le nom du responsable signataire.",
  clientSignatoryFirstName: "Saisissez le prénom du responsable signataire.",
  clientSignatoryFunction: "Saisissez la fonction du responsable signataire.",
  clientSiret: "Saisissez le numéro SIRET du client.",
  clientSignatoryEmail: "Saisissez l'adresse électronique du responsable signataire.",
  editorLegalRepresentativeId: LEGAL_REPRESENTATIVE,
  orderSignedOn: "Saisissez la date de signature de la commande.",
  softwareVersion: "Saisissez la version logicielle concernée.",
  place: "Saisissez le lieu (« Fait à »).",
};

/** What is still empty before the attestation can be sent for signature: field → French message. */
export function missingFields(values: Record<AttestationField, string | null | undefined>): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const field of ATTESTATION_FIELDS) {
    const value = values[field];
    if (value === null || value === undefined || value.trim() === "") missing[field] = MISSING[field];
  }
  return missing;
}

const MISSING_SIGNATORY: Record<keyof ClientSignatory, string> = {
  lastName: "Saisissez le nom de ce signataire.",
  firstName: "Saisissez le prénom de ce signataire.",
  function: "Saisissez la fonction de ce signataire.",
  email: "Saisissez l'adresse électronique de ce signataire.",
};

/** What is still empty among signatories 2 to 10: dotted form path → French message. */
export function missingSignatoryFields(additional: readonly ClientSignatory[]): Record<string, string> {
  const missing: Record<string, string> = {};
  additional.forEach((s, index) => {
    for (const key of Object.keys(MISSING_SIGNATORY) as (keyof ClientSignatory)[]) {
      if (s[key].trim() === "") missing[`additionalClientSignatories.${index}.${key}`] = MISSING_SIGNATORY[key];
    }
  });
  return missing;
}

export const emptyAttestationValues: Record<AttestationField, string> = {
  clientName: "",
  clientAddress: "",
  clientSignatoryLastName: "",
  clientSignatoryFirstName: "",
  clientSignatoryFunction: "",
  clientSiret: "",
  clientSignatoryEmail: "",
  editorLegalRepresentativeId: "",
  orderSignedOn: "",
  softwareVersion: "",
  place: "",
};
