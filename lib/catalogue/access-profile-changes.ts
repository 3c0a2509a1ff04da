import type { AccessProfileFields } from "./access-profile-schema";

export type FieldChange = { from: string | number | boolean; to: string | number | boolean };

const FIELDS = [
  "label",
  "description",
  "requiresCertificate",
  "level2AuthenticatedPerSecond",
  "level2PublicPerSecond",
  "sortOrder",
  "active",
] as const satisfies readonly (keyof AccessProfileFields)[];

/** Pure: the fields that differ, with their old and new values, as the audit event records them. */
export function accessProfileChanges(before: AccessProfileFields, after: AccessProfileFields): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of FIELDS) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
