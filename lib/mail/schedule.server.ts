import { env } from "../env.server";
import { isDevelopmentMailboxEnabled } from "./mailbox.server";
import { deliverPendingMail } from "./sender.server";

const INTERVAL_MS = 10_000;

/** What becomes of queued mail, said once in the start-up log of each instance. */
export function mailDeliveryNotice(settings: { SMTP_URL?: string; MAIL_DEV_MAILBOX: "on" | "off" }): string {
  if (settings.SMTP_URL) return "[courriel] Envoi par SMTP (SMTP_URL) toutes les 10 s.";
  if (isDevelopmentMailboxEnabled(settings)) {
    return "[courriel] Aucun serveur SMTP (SMTP_URL) : les courriels restent en file d'attente, lisibles par tous sur /courriels (MAIL_DEV_MAILBOX=on).";
  }
  return "[courriel] Aucun serveur SMTP (SMTP_URL) : les courriels restent en file d'attente, sans envoi, jusqu'à ce que SMTP_URL soit configurée. /courriels est fermée (MAIL_DEV_MAILBOX=off).";
}

/** Runs the outbox sender inside each app instance when SMTP is configured. */
export function scheduleMailDelivery(): void {
  console.log(mailDeliveryNotice(env()));
  if (!env().SMTP_URL) return;
  const timer = setInterval(() => {
    deliverPendingMail().catch((error) => console.error("[courriel] envoi impossible :", error));
  }, INTERVAL_MS);
  timer.unref();
}
