import { db } from "../db.server";
import type { Env } from "../env";
import { env } from "../env.server";

type MailboxSettings = Pick<Env, "MAIL_DEV_MAILBOX">;

/** The development mailbox exists only when MAIL_DEV_MAILBOX=on, which production refuses (ADR 0004). */
export function isDevelopmentMailboxEnabled(settings: MailboxSettings = env()): boolean {
  return settings.MAIL_DEV_MAILBOX === "on";
}

/** The queued messages, newest first; null when the mailbox is off (the page then answers 404). */
export async function developmentMailbox(options: { to?: string; take?: number } = {}, settings: MailboxSettings = env()) {
  if (!isDevelopmentMailboxEnabled(settings)) return null;
  return db().outboxMessage.findMany({
    where: options.to ? { to: options.to.toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
}
