// Pure: one quota value as every schema reads it (profiles' defaults, level 1, level 2), in the shared range.
import { z } from "zod";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "./vocabulary";

/** Calls per second: an integer in the range, refused with the range's message. */
export const quotaNumber = z.number({ error: QUOTA_RANGE_MESSAGE }).int(QUOTA_RANGE_MESSAGE).min(QUOTA_MIN, QUOTA_RANGE_MESSAGE).max(QUOTA_MAX, QUOTA_RANGE_MESSAGE);

/** "12" or 12 → 12; anything that is not an integer stays as is so `quotaNumber` refuses it with the range. */
export const typedQuota = z.preprocess(
  (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : typeof value === "string" ? Number.NaN : value),
  z.unknown(),
);
