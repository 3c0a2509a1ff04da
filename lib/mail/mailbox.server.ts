import "server-only";
import { db } from "../db.server";
import type { Env } from "../env";
import { env } from "../env.server";

type MailboxSettings = Pick<Env, "MAIL_DEV_MAILBOX">;

/** The development mailbox exists only when MAIL_DEV_MAILBOX=on, which production refuses (ADR 0004). */
export function isDevelopmentMailboxEnabled(settings: MailboxSettings = env()): boolean {
  return settings.MAIL_DEV_MAILBOX === "on";
}

/** What becomes of queued mail, said once in the start-up log of each instance. */
export function mailDeliveryNotice(settings: { SMTP_URL?: string; MAIL_DEV_MAILBOX: "on" | "off" }): string {
  if (settings.SMTP_URL) return "[courriel] Envoi par SMTP (SMTP_URL), par les tâches de fond (ADR 0017).";
  if (isDevelopmentMailboxEnabled(settings)) {
    return "[courriel] Aucun serveur SMTP (SMTP_URL) : les courriels restent en file d'attente, lisibles par tous sur /courriels (MAIL_DEV_MAILBOX=on).";
  }
  return "[courriel] Aucun serveur SMTP (SMTP_URL) : les courriels restent en file d'attente, sans envoi, jusqu'à ce que SMTP_URL soit configurée. /courriels est fermée (MAIL_DEV_MAILBOX=off).";
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
