// Level-2 quotas (charter: "Quotas"): per enrolment, defaulting from its access profile, set by reviewers with a
// reason when they depart from the default. Pure.
import { z } from "zod";
import { quotaNumber } from "../quota-schema";

/** The charter's level-2 defaults; the profile catalogue carries the values actually used. */
export const DEFAULT_LEVEL2 = { authenticatedPerSecond: 10, publicPerSecond: 5 } as const;

export const QUOTA_REASON_MIN = 5;
export const QUOTA_REASON_MAX = 500;
const QUOTA_REASON_LENGTH = `Le motif doit contenir entre ${QUOTA_REASON_MIN} et ${QUOTA_REASON_MAX} caractères.`;

/**
 * A reason shown to reviewers, in the audit trail and in mails. Markup is refused rather than escaped: React escapes
 * on display anyway, but a reason with "<script>" has no legitimate use and would travel into mails and exports.
 */
export const quotaReasonSchema = z
  .string({ error: "Saisissez le motif." })
  // Line breaks become spaces; other control characters are refused below.
  .transform((value) => value.replace(/\r\n?|\n/g, " ").trim())
  .pipe(
    z
      .string()
      .min(QUOTA_REASON_MIN, QUOTA_REASON_LENGTH)
      .max(QUOTA_REASON_MAX, QUOTA_REASON_LENGTH)
      .refine((value) => !/[<>]/.test(value), "Le motif ne peut pas contenir les caractères < et >.")
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Le motif contient des caractères non imprimables."),
  );

export interface Level2Defaults {
  authenticatedPerSecond: number;
  publicPerSecond: number;
}

/** What a reviewer is told when quotas depart from the profile's defaults without a reason. */
export function missingReason(defaults: Level2Defaults): string {
  return `Saisissez le motif : les quotas s'écartent de ceux du profil (${defaults.authenticatedPerSecond} appels par seconde authentifiés, ${defaults.publicPerSecond} publics).`;
}

export function departsFromDefault(quotas: Level2Defaults, defaults: Level2Defaults): boolean {
  return (
    quotas.authenticatedPerSecond !== defaults.authenticatedPerSecond || quotas.publicPerSecond !== defaults.publicPerSecond
  );
}

/**
 * Level 2 for one enrolment, given its profile's defaults: a reason is required when a value departs from them (and
 * ignored, returned as null, when both equal the defaults again).
 */
export function level2QuotaSchema(defaults: Level2Defaults) {
  return z
    .object({
      authenticatedPerSecond: quotaNumber,
      publicPerSecond: quotaNumber,
      reason: z.string().optional().nullable(),
    })
    .transform((value, context) => {
      if (!departsFromDefault(value, defaults)) {
        return { authenticatedPerSecond: value.authenticatedPerSecond, publicPerSecond: value.publicPerSecond, reason: null };
      }
      const reason = quotaReasonSchema.safeParse(value.reason ?? "");
      if (!reason.success) {
        const message = (value.reason ?? "").trim() === "" ? missingReason(defaults) : reason.error.issues[0]!.message;
        context.addIssue({ code: "custom", path: ["reason"], message });
        return z.NEVER;
      }
      return { authenticatedPerSecond: value.authenticatedPerSecond, publicPerSecond: value.publicPerSecond, reason: reason.data };
    });
}

export type Level2QuotaInput = z.input<ReturnType<typeof level2QuotaSchema>>;
export type Level2Quota = z.output<ReturnType<typeof level2QuotaSchema>>;
