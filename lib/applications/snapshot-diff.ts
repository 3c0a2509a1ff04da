import { z } from "zod";
import { ROR_API_LABELS, SERVICE_PURPOSE_LABELS } from "../services/service-schema";
import type { ApplicationSnapshot } from "./snapshot";
import { formatDate } from "../time";

// Pure: what changed between two submissions of an application, in words a reviewer reads. Each entry names its
// section and field in French and gives the value before and after, as text.

export const snapshotChange = z.object({
  section: z.string(),
  field: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export type SnapshotChange = z.infer<typeof snapshotChange>;

export const SNAPSHOT_CHANGE_KIND_LABELS: Record<SnapshotChange["kind"], string> = {
  added: "Ajouté",
  removed: "Retiré",
  changed: "Modifié",
};

const SECTIONS = {
  organization: "Organisation",
  service: "Service numérique",
  urls: "URL",
  certificates: "Certificats",
  attestations: "Attestations de client",
  platines: "Résultats PLATINES",
  charter: "Charte",
} as const;

const ORGANIZATION_FIELDS: Record<keyof Omit<ApplicationSnapshot["organization"], "id">, string> = {
  name: "Raison sociale",
  siret: "SIRET",
  address: "Adresse",
};

const SERVICE_TEXT_FIELDS = {
  name: "Nom du service",
  softwareName: "Logiciel",
  softwareVersion: "Version du logiciel",
  description: "Description",
  users: "Utilisateurs du service",
  profileJustification: "Justification du profil demandé",
} as const satisfies Partial<Record<keyof ApplicationSnapshot["service"], string>>;

const ENVIRONMENT_WORDS = { TEST: "test", PRODUCTION: "production" } as const;
const VERDICT_WORDS = { ok: "conforme", warning: "conforme avec avertissements", error: "non conforme" } as const;

const purposeLabel = (code: string) => SERVICE_PURPOSE_LABELS[code as keyof typeof SERVICE_PURPOSE_LABELS] ?? code;
const apiLabel = (code: string) => ROR_API_LABELS[code as keyof typeof ROR_API_LABELS] ?? code;
const day = (iso: string) => formatDate(new Date(iso));

function certificateText(c: ApplicationSnapshot["certificates"][number]): string {
  const verdict = c.verdict ? VERDICT_WORDS[c.verdict] : "non évalué";
  return `${c.subjectDn} (${ENVIRONMENT_WORDS[c.environment]}, empreinte SHA-256 ${c.fingerprintSha256}, valide du ${day(c.notBefore)} au ${day(c.notAfter)}, ${verdict})`;
}

/** Items keyed by identity: added and removed ones, and those whose text changed. */
function keyedChanges<T>(
  section: string,
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  field: (item: T) => string,
  text: (item: T) => string,
): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  const previous = new Map(before.map((item) => [key(item), item]));
  const next = new Map(after.map((item) => [key(item), item]));
  for (const [k, item] of previous) {
    const other = next.get(k);
    if (!other) changes.push({ section, field: field(item), kind: "removed", before: text(item), after: null });
    else if (text(item) !== text(other)) changes.push({ section, field: field(other), kind: "changed", before: text(item), after: text(other) });
  }
  for (const [k, item] of next) {
    if (!previous.has(k)) changes.push({ section, field: field(item), kind: "added", before: null, after: text(item) });
  }
  return changes;
}

function valueChange(section: string, field: string, before: string | null, after: string | null): SnapshotChange[] {
  if (before === after) return [];
  if (before === null) return [{ section, field, kind: "added", before, after }];
  if (after === null) return [{ section, field, kind: "removed", before, after }];
  return [{ section, field, kind: "changed", before, after }];
}

/** Every change from `before` to `after`, section by section, in the order of the application page. */
export function diffSnapshots(before: ApplicationSnapshot, after: ApplicationSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = [];

  for (const [key, label] of Object.entries(ORGANIZATION_FIELDS) as [keyof typeof ORGANIZATION_FIELDS, string][]) {
    changes.push(...valueChange(SECTIONS.organization, label, before.organization[key], after.organization[key]));
  }

  for (const [key, label] of Object.entries(SERVICE_TEXT_FIELDS) as [keyof typeof SERVICE_TEXT_FIELDS, string][]) {
    changes.push(...valueChange(SECTIONS.service, label, before.service[key], after.service[key]));
  }
  if (before.service.requestedProfile.code !== after.service.requestedProfile.code) {
    changes.push(...valueChange(SECTIONS.service, "Profil d'accès demandé", before.service.requestedProfile.label, after.service.requestedProfile.label));
  }
  const same = (x: string) => x;
  changes.push(...keyedChanges(SECTIONS.service, before.service.purposes, after.service.purposes, same, () => "Finalité", purposeLabel));
  changes.push(...keyedChanges(SECTIONS.service, before.service.apis, after.service.apis, same, () => "API du ROR appelée", apiLabel));

  changes.push(
    ...keyedChanges(
      SECTIONS.urls,
      before.urls,
      after.urls,
      (u) => `${u.environment} ${u.url}`,
      (u) => `URL de ${ENVIRONMENT_WORDS[u.environment]}`,
      (u) => u.url,
    ),
  );

  changes.push(
    ...keyedChanges(
      SECTIONS.certificates,
      before.certificates,
      after.certificates,
      (c) => c.fingerprintSha256,
      (c) => `Certificat de ${ENVIRONMENT_WORDS[c.environment]}`,
      certificateText,
    ),
  );

  changes.push(
    ...keyedChanges(
      SECTIONS.attestations,
      before.attestations,
      after.attestations,
      (a) => a.id,
      (a) => `Attestation du client ${a.clientName}`,
      (a) => `${a.clientName} (PDF scellé, SHA-256 ${a.sealedSha256})`,
    ),
  );

  changes.push(
    ...keyedChanges(
      SECTIONS.platines,
      before.platines,
      after.platines,
      (p) => p.planCode,
      (p) => `Plan de tests ${p.planLabel}`,
      (p) => p.verdictLabel,
    ),
  );

  changes.push(...valueChange(SECTIONS.charter, "Version acceptée", before.charter.version, after.charter.version));
  return changes;
}

/** "Aucune modification", "1 modification", "4 modifications" since the previous submission. */
export function diffSummary(changes: readonly SnapshotChange[]): string {
  if (changes.length === 0) return "Aucune modification depuis le dépôt précédent.";
  return `${changes.length} modification${changes.length > 1 ? "s" : ""} depuis le dépôt précédent.`;
}

/** A stored diff, read back (null when absent or not of the expected shape). */
export function parseDiff(value: unknown): SnapshotChange[] | null {
  const parsed = z.array(snapshotChange).safeParse(value);
  return parsed.success ? parsed.data : null;
}
