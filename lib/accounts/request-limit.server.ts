import "server-only";
// Per-address limits of sign-up, password recovery and invitation acceptance (ADR 0020), on the sign-in limit's
// machinery (ADR 0016): a transaction-scoped advisory lock on (kind, address) serialises the decisions, so however many
// requests arrive at once no more go through than the limit; a refused request writes nothing.
import { db } from "../db.server";
import { env } from "../env.server";
import { AppError } from "../errors";
import type { AddressLimit } from "../auth/sign-in-limit";
import type { RequestContext } from "../request.server";
import { accountRequestLimit, accountRequestRefusalMessage, decideAccountRequest, type AccountRequestKind } from "./request-limit";

export function configuredAccountRequestLimit(): AddressLimit {
  return accountRequestLimit(env().ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR);
}

/**
 * Counts this request against its address, or throws RATE_LIMITED with a French message. Runs before any costly work
 * (the memory-hard hash, the dictionary check): a refused request costs a few queries.
 */
export async function admitAccountRequest(
  kind: AccountRequestKind,
  request: RequestContext,
  now: Date = new Date(),
  limit: AddressLimit = configuredAccountRequestLimit(),
): Promise<void> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const decision = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`account-request:${kind}:${request.ip}`}, 0))`;
      const rows = await tx.$queryRaw<{ count: number; limitingAt: Date | null }[]>`
        SELECT
          (SELECT count(*)::int FROM "AccountRequest" WHERE "kind"::text = ${kind} AND "ip" = ${request.ip} AND "requestedAt" >= ${since}) AS "count",
          (SELECT "requestedAt" FROM "AccountRequest" WHERE "kind"::text = ${kind} AND "ip" = ${request.ip} AND "requestedAt" >= ${since}
            ORDER BY "requestedAt" DESC OFFSET ${limit.maxPerAddress - 1} LIMIT 1) AS "limitingAt"`;
      const decision = decideAccountRequest(rows[0]!, now, limit);
      if (decision.allowed) await tx.accountRequest.create({ data: { kind, ip: request.ip, requestedAt: now } });
      return decision;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (!decision.allowed) throw new AppError("RATE_LIMITED", accountRequestRefusalMessage(kind, decision.retryAfterSeconds));
}
