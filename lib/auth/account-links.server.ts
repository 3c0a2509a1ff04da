import "server-only";
// The single-use links mailed to an account (ADR 0020): made in the transaction of the mail that carries them,
// consumed by one conditional UPDATE, so that of any number of concurrent uses exactly one succeeds.
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import {
  ACCOUNT_LINK_TOKEN_BYTES,
  accountLinkExpiry,
  accountLinkState,
  encodeAccountLinkToken,
  hashAccountLinkToken,
  isWellFormedAccountLinkToken,
  unusableAccountLinkMessages,
  type AccountLinkPurpose,
  type UnusableAccountLinkState,
} from "./account-link";

export type IssuedLink = { id: string; token: string; expiresAt: Date };

/**
 * A new link for this account and purpose; the older links of the same purpose that are still pending die with it
 * (a resend kills the previous link). Returns the token, which only the mail carries.
 */
export async function issueAccountLink(
  tx: Tx,
  input: { userId: string; purpose: AccountLinkPurpose; email: string },
  now: Date,
): Promise<IssuedLink> {
  await tx.accountLink.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = encodeAccountLinkToken(randomBytes(ACCOUNT_LINK_TOKEN_BYTES));
  const expiresAt = accountLinkExpiry(input.purpose, now);
  const link = await tx.accountLink.create({
    data: { userId: input.userId, purpose: input.purpose, email: input.email, tokenHash: hashAccountLinkToken(token), createdAt: now, expiresAt },
    select: { id: true },
  });
  return { id: link.id, token, expiresAt };
}

/** The latest link of a purpose sent to an account, for the one-mail-per-window rule. */
export async function lastLinkSentAt(tx: Tx, userId: string, purpose: AccountLinkPurpose): Promise<Date | null> {
  const latest = await tx.accountLink.findFirst({ where: { userId, purpose }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return latest?.createdAt ?? null;
}

export type LinkView =
  | { state: "usable"; userId: string; email: string; expiresAt: Date }
  | { state: UnusableAccountLinkState };

/** What a link's page shows before anything is used: read only, no lock. */
export async function viewAccountLink(token: unknown, purposes: readonly AccountLinkPurpose[], now: Date = new Date()): Promise<LinkView & { purpose?: AccountLinkPurpose }> {
  if (!isWellFormedAccountLinkToken(token)) return { state: "unknown" };
  const link = await db().accountLink.findUnique({ where: { tokenHash: hashAccountLinkToken(token) } });
  if (!link || !purposes.includes(link.purpose)) return { state: "unknown" };
  const state = accountLinkState(link, now);
  if (state !== "usable") return { state, purpose: link.purpose };
  return { state, purpose: link.purpose, userId: link.userId, email: link.email, expiresAt: link.expiresAt };
}

export function unusableLink(purpose: AccountLinkPurpose, state: UnusableAccountLinkState): AppError {
  const message = unusableAccountLinkMessages[purpose][state];
  return new AppError(state === "unknown" ? "NOT_FOUND" : "CONFLICT", `${message.title}. ${message.text}`);
}

export type ConsumedLink = { id: string; userId: string; email: string; purpose: AccountLinkPurpose };

/**
 * Uses a link, or throws why it cannot be (French, per purpose). The conditional UPDATE is the single-use guarantee:
 * of two concurrent uses, the second waits for the first's row lock, then matches nothing and is told the link is used.
 */
export async function consumeAccountLink(tx: Tx, token: unknown, purposes: readonly AccountLinkPurpose[], now: Date): Promise<ConsumedLink> {
  const fallback = purposes[0]!;
  if (!isWellFormedAccountLinkToken(token)) throw unusableLink(fallback, "unknown");
  const tokenHash = hashAccountLinkToken(token);
  const rows = await tx.$queryRaw<{ id: string; userId: string; email: string; purpose: AccountLinkPurpose }[]>`
    UPDATE "AccountLink" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}
      AND "purpose"::text = ANY(${[...purposes]}::text[])
    RETURNING "id"::text AS "id", "userId"::text AS "userId", "email", "purpose"::text AS "purpose"`;
  if (rows.length === 1) return rows[0]!;
  const link = await tx.accountLink.findUnique({ where: { tokenHash }, select: { purpose: true, usedAt: true, revokedAt: true, expiresAt: true } });
  if (!link || !purposes.includes(link.purpose)) throw unusableLink(fallback, "unknown");
  const state = accountLinkState(link, now);
  throw unusableLink(link.purpose, state === "usable" ? "used" : state);
}
