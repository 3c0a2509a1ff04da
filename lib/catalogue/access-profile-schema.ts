import { z } from "zod";
import { quotaNumber } from "../quota-schema";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "../vocabulary";

export { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE };
const SORT_ORDER_MESSAGE = "Saisissez un nombre entier compris entre 0 et 999.";

const quota = quotaNumber;

const text = (missing: string, label: string, max: number) =>
  z.string().trim().min(1, missing).max(max, `${label} ne peut pas dépasser ${max} caractères.`);

/** The editable fields of a catalogue entry; quotas are the level-2 defaults a service starts with. */
export const accessProfileFieldsSchema = z.object({
  label: text("Saisissez le libellé du profil.", "Le libellé", 120),
  description: text("Saisissez la description du profil.", "La description", 2000),
  requiresCertificate: z.boolean(),
  level2AuthenticatedPerSecond: quota,
  level2PublicPerSecond: quota,
  sortOrder: z.number({ error: SORT_ORDER_MESSAGE }).int(SORT_ORDER_MESSAGE).min(0, SORT_ORDER_MESSAGE).max(999, SORT_ORDER_MESSAGE),
  active: z.boolean(),
});

export const createAccessProfileSchema = accessProfileFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .min(1, "Saisissez le code du profil.")
    .max(20, "Le code ne peut pas dépasser 20 caractères.")
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      "Le code ne peut contenir que des lettres sans accent, des chiffres, des points, des tirets et des tirets bas, et commence par une lettre ou un chiffre.",
    ),
});

export const updateAccessProfileSchema = accessProfileFieldsSchema.extend({
  /** The updatedAt the form was opened with: a change made meanwhile by someone else is never overwritten. */
  lastUpdatedAt: z.iso.datetime({ offset: true, error: "Version du profil inconnue : rechargez la page." }),
});

export type AccessProfileFields = z.output<typeof accessProfileFieldsSchema>;
export type CreateAccessProfileInput = z.input<typeof createAccessProfileSchema>;
export type UpdateAccessProfileInput = z.input<typeof updateAccessProfileSchema>;
