import { z } from "zod";
import { AppError } from "./errors";

// Optimistic concurrency, shared by every record two people can change: forms send back the version they saw.

/** The version the person saw: a positive integer, sent by the form as text or number; `message` when unreadable. */
export function versionFieldWith(message: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v) : v),
    z.number({ error: message }).int(message).min(1, message),
  );
}

/** The version the person saw must still be the current one: otherwise nothing is applied. */
export function requireVersion(record: { version: number }, expected: number, message: string): void {
  if (record.version !== expected) throw new AppError("CONFLICT", message);
}
