// Quotas (charter: "Quotas"). Level 1: per ROR API, all callers together, a global setting administrators edit.
// Level 2 (per enrolment, lib/enrolments/quotas.ts) defaults from the access profile. Going over either level
// answers 429 at the gateway.
import { z } from "zod";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "../vocabulary";
import { quotaNumber } from "../quota-schema";

export { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE };

export const DEFAULT_LEVEL1_PER_API_PER_SECOND = 100;

export const level1QuotaSchema = z.object({ perApiPerSecond: quotaNumber });
export type Level1QuotaInput = z.input<typeof level1QuotaSchema>;

