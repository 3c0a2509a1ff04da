import "server-only";
// The daily housekeeping (03:30 Europe/Paris): removes what has outlived its use or its retention, in one
// transaction with the event that says how much went. The event log itself is never touched: only the personal
// data kept beside events (EventPersonalData: IP, user agent, typed e-mails) is purged, outside the hash chain.
import { recordEvent } from "../events/record.server";
import { systemActor } from "../events/actor";
import { db } from "../db.server";
import { env } from "../env.server";
import { housekeepingCutoffs, type RetentionSettings } from "./housekeeping";

export type HousekeepingResult = {
  apiCalls: number;
  signInAttempts: number;
  rateWindows: number;
  expiredInvitations: number;
  expiredSigningLinks: number;
  personalData: number;
  deliveredMail: number;
  webhookDeliveries: number;
  accountLinks: number;
  accountRequests: number;
  proConnectAttempts: number;
  expiredCopyLinks: number;
};

export async function runHousekeeping(now: Date = new Date(), settings?: RetentionSettings): Promise<HousekeepingResult> {
  const cutoffs = housekeepingCutoffs(now, settings ?? { apiCallRetentionDays: env().API_CALL_RETENTION_DAYS, personalDataRetentionDays: env().PERSONAL_DATA_RETENTION_DAYS });
  return db().$transaction(
    async (tx) => {
      const result: HousekeepingResult = {
        apiCalls: await tx.$executeRaw`DELETE FROM "ApiCall" WHERE "at" < ${cutoffs.apiCallsBefore}`,
        signInAttempts: await tx.$executeRaw`DELETE FROM "SignInAttempt" WHERE "attemptedAt" < ${cutoffs.signInAttemptsBefore}`,
        // The per-token windows of the API and the per-address windows of the anonymous endpoints (ADR 0027).
        rateWindows:
          (await tx.$executeRaw`DELETE FROM "ApiRateWindow" WHERE "windowStart" < ${cutoffs.rateWindowsBefore}`) +
          (await tx.$executeRaw`DELETE FROM "AnonymousRequestWindow" WHERE "windowStart" < ${cutoffs.anonymousWindowsBefore}`),
        // Never accepted (pending past expiry, or revoked): the row holds an e-mail address and no longer any use.
        expiredInvitations: await tx.$executeRaw`DELETE FROM "Invitation" WHERE "acceptedAt" IS NULL AND "expiresAt" < ${cutoffs.linksExpiredBefore}`,
        // The signature rows are the attestation's record: only the hash of the dead link goes.
        expiredSigningLinks: await tx.$executeRaw`UPDATE "AttestationSignature" SET "tokenHash" = NULL WHERE "tokenHash" IS NOT NULL AND "expiresAt" < ${cutoffs.linksExpiredBefore}`,
        personalData: await tx.$executeRaw`DELETE FROM "EventPersonalData" p USING "Event" e WHERE e."id" = p."eventId" AND e."occurredAt" < ${cutoffs.personalDataBefore}`,
        deliveredMail: await tx.$executeRaw`DELETE FROM "OutboxMessage" WHERE "status" IN ('SENT', 'MAILBOX') AND "createdAt" < ${cutoffs.personalDataBefore}`,
        // The webhook delivery log is a call log, kept as long as the API's (their tries go with them).
        webhookDeliveries: await tx.$executeRaw`DELETE FROM "WebhookDelivery" WHERE "status" <> 'PENDING' AND "createdAt" < ${cutoffs.apiCallsBefore}`,
        // Verification, recovery and e-mail change links: each holds an address, and none works past its expiry.
        accountLinks: await tx.$executeRaw`DELETE FROM "AccountLink" WHERE "expiresAt" < ${cutoffs.linksExpiredBefore}`,
        accountRequests: await tx.$executeRaw`DELETE FROM "AccountRequest" WHERE "requestedAt" < ${cutoffs.signInAttemptsBefore}`,
        // A ProConnect sign-in under way lives minutes; once expired its claims (name, e-mail, SIRET) serve nothing.
        proConnectAttempts: await tx.$executeRaw`DELETE FROM "ProConnectAttempt" WHERE "expiresAt" < ${now}`,
        // A signer's personal link to the sealed copy (30 days): the signature row stays, the dead link goes.
        expiredCopyLinks: await tx.$executeRaw`DELETE FROM "AttestationCopyLink" WHERE "expiresAt" < ${cutoffs.linksExpiredBefore}`,
      };
      await recordEvent(tx, {
        name: "housekeeping.completed",
        actor: systemActor("housekeeping"),
        payload: { ...result, apiCallsBefore: cutoffs.apiCallsBefore.toISOString(), personalDataBefore: cutoffs.personalDataBefore.toISOString() },
      });
      return result;
    },
    { timeout: 300_000 },
  );
}
