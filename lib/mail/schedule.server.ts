import { deliverPendingMail } from "./sender.server";

const INTERVAL_MS = 10_000;

/** Runs the outbox sender inside each app instance when SMTP is configured. */
export function scheduleMailDelivery(): void {
  if (!process.env.SMTP_URL) return;
  const timer = setInterval(() => {
    deliverPendingMail().catch((error) => console.error("[courriel] envoi impossible :", error));
  }, INTERVAL_MS);
  timer.unref();
}
