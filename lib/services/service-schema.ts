import { z } from "zod";

// Pure: the service form, validated in the browser and again on the server. The access profile itself (does it
// exist, is it still offered?) is checked by the use case against the catalogue, never against constants here.

export const SERVICE_PURPOSES = ["ORIENTATION", "REGULATION", "COORDINATION", "INFORMATION"] as const;
export type ServicePurposeCode = (typeof SERVICE_PURPOSES)[number];

export const SERVICE_PURPOSE_LABELS: Record<ServicePurposeCode, string> = {
  ORIENTATION: "Orientation",
  REGULATION: "Régulation",
  COORDINATION: "Coordination",
  INFORMATION: "Information",
};

export const ROR_APIS = ["FHIR", "LEGACY_WEB_SERVICES"] as const;
export type RorApiCode = (typeof ROR_APIS)[number];

export const ROR_API_LABELS: Record<RorApiCode, string> = {
  FHIR: "API FHIR",
  LEGACY_WEB_SERVICES: "Services web historiques",
};

export const SERVICE_LIMITS = {
  name: 120,
  softwareName: 120,
  softwareVersion: 50,
  description: 2000,
  users: 2000,
  profileJustification: 2000,
} as const;

const requiredText = (message: string, max: number) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`);

/** Keeps the canonical order and drops repeats, so that two equal choices always compare equal. */
/**
 * A group of checkboxes: at least one, only known values (a forged value is refused on the group itself, so the
 * message shows next to it), kept in the canonical order without repeats, so that two equal choices compare equal.
 */
function choices<T extends string>(order: readonly T[], message: string) {
  return z
    .array(z.string({ error: message }), { error: message })
    .min(1, message)
    .refine((values) => values.every((value) => (order as readonly string[]).includes(value)), message)
    .transform((values): T[] => order.filter((value) => values.includes(value)));
}

const PURPOSE_MISSING = "Cochez au moins une finalité du service.";
const API_MISSING = "Cochez au moins une API du ROR que le service appellera.";
const PROFILE_MISSING = "Choisissez le profil d'accès demandé.";

export const serviceSchema = z.object({
  name: requiredText("Saisissez le nom du service.", SERVICE_LIMITS.name),
  softwareName: requiredText("Saisissez le nom du logiciel.", SERVICE_LIMITS.softwareName),
  softwareVersion: requiredText("Saisissez la version du logiciel.", SERVICE_LIMITS.softwareVersion),
  description: requiredText("Décrivez le service.", SERVICE_LIMITS.description),
  purposes: choices(SERVICE_PURPOSES, PURPOSE_MISSING),
  users: requiredText("Indiquez qui verra les données du ROR.", SERVICE_LIMITS.users),
  requestedProfileId: z.string({ error: PROFILE_MISSING }).min(1, PROFILE_MISSING).max(100, PROFILE_MISSING),
  profileJustification: requiredText("Justifiez le profil d'accès demandé.", SERVICE_LIMITS.profileJustification),
  apis: choices(ROR_APIS, API_MISSING),
});

/** Editing also sends the service's updatedAt as the form saw it: a change made meanwhile is refused. */
export const serviceUpdateSchema = serviceSchema.extend({
  version: z.string({ error: "Version manquante : rechargez la page." }).min(1, "Version manquante : rechargez la page."),
});

export type ServiceInput = z.input<typeof serviceSchema>;
export type ServiceData = z.output<typeof serviceSchema>;
export type ServiceUpdateInput = z.input<typeof serviceUpdateSchema>;

export const SERVICE_FIELDS = [
  "name",
  "softwareName",
  "softwareVersion",
  "description",
  "purposes",
  "users",
  "requestedProfileId",
  "profileJustification",
  "apis",
] as const satisfies readonly (keyof ServiceData)[];

type FieldValue = string | readonly string[];
export type ServiceChanges = Partial<Record<(typeof SERVICE_FIELDS)[number], { before: FieldValue; after: FieldValue }>>;

function same(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The fields that differ, with their values before and after: what `service.updated` records. */
export function serviceChanges(before: ServiceData, after: ServiceData): ServiceChanges {
  const changes: ServiceChanges = {};
  for (const field of SERVICE_FIELDS) {
    if (!same(before[field], after[field])) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

/** What an editor declares of a service (besides its profile). */
export type DeclaredService = {
  id: string;
  name: string;
  softwareName: string;
  softwareVersion: string;
  description: string;
  purposes: readonly string[];
  users: string;
  profileJustification: string;
  apis: readonly string[];
};

/** What the editor declared of a service, purposes and APIs in their catalogue order: for its page and its snapshot. */
export function serviceDeclaration(service: DeclaredService) {
  return {
    id: service.id,
    name: service.name,
    softwareName: service.softwareName,
    softwareVersion: service.softwareVersion,
    description: service.description,
    purposes: SERVICE_PURPOSES.filter((p) => service.purposes.includes(p)),
    users: service.users,
    profileJustification: service.profileJustification,
    apis: ROR_APIS.filter((a) => service.apis.includes(a)),
  };
}
