// Quotas (charter: "Quotas"). Level 1: per ROR API, all callers together, a global setting administrators edit.
// Level 2: per service, defaulting from its access profile, set per enrolment by reviewers with a reason when it
// departs from the default. Going over either level answers 429 at the gateway.
import { z } from "zod";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "../catalogue/access-profile-schema";

export { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE };

export const DEFAULT_LEVEL1_PER_API_PER_SECOND = 100;
/** The charter's level-2 defaults; the profile catalogue carries the values actually used. */
export const DEFAULT_LEVEL2 = { authenticatedPerSecond: 10, publicPerSecond: 5 } as const;

export const QUOTA_REASON_MIN = 5;
export const QUOTA_REASON_MAX = 500;

const quota = z
  .number({ error: QUOTA_RANGE_MESSAGE })
  .int(QUOTA_RANGE_MESSAGE)
  .min(QUOTA_MIN, QUOTA_RANGE_MESSAGE)
  .max(QUOTA_MAX, QUOTA_RANGE_MESSAGE);

export const level1QuotaSchema = z.object({ perApiPerSecond: quota });
export type Level1QuotaInput = z.input<typeof level1QuotaSchema>;

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
      .min(QUOTA_REASON_MIN, `Le motif doit contenir entre ${QUOTA_REASON_MIN} et ${QUOTA_REASON_MAX} caractères.`)
      .max(QUOTA_REASON_MAX, `Le motif doit contenir entre ${QUOTA_REASON_MIN} et ${QUOTA_REASON_MAX} caractères.`)
      .refine((value) => !/[<>]/.test(value), "Le motif ne peut pas contenir les caractères < et >.")
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Le motif contient des caractères non imprimables."),
  );

export interface Level2Defaults {
  authenticatedPerSecond: number;
  publicPerSecond: number;
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
      authenticatedPerSecond: quota,
      publicPerSecond: quota,
      reason: z.string().optional().nullable(),
    })
    .transform((value, context) => {
      if (!departsFromDefault(value, defaults)) {
        return { authenticatedPerSecond: value.authenticatedPerSecond, publicPerSecond: value.publicPerSecond, reason: null };
      }
      const reason = quotaReasonSchema.safeParse(value.reason ?? "");
      if (!reason.success) {
        const message =
          (value.reason ?? "").trim() === ""
            ? `Saisissez le motif : les quotas s'écartent de ceux du profil (${defaults.authenticatedPerSecond} appels par seconde authentifiés, ${defaults.publicPerSecond} publics).`
            : reason.error.issues[0]!.message;
        context.addIssue({ code: "custom", path: ["reason"], message });
        return z.NEVER;
      }
      return { authenticatedPerSecond: value.authenticatedPerSecond, publicPerSecond: value.publicPerSecond, reason: reason.data };
    });
}

export type Level2QuotaInput = z.input<ReturnType<typeof level2QuotaSchema>>;
export type Level2Quota = z.output<ReturnType<typeof level2QuotaSchema>>;
