import { db } from "../db.server";
import { isDevelopmentMailboxEnabled } from "./sender.server";

/** The development mailbox: only when no SMTP server is configured (see ADR 0004). */
export async function developmentMailbox(options: { to?: string; take?: number } = {}) {
  if (!isDevelopmentMailboxEnabled()) return null;
  return db().outboxMessage.findMany({
    where: options.to ? { to: options.to.toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
}
