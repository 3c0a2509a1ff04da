import { env } from "../env.server";

// Delivery itself is the mail job (delivery.server.ts, ADR 0017).

/** Without SMTP the messages stay in the development mailbox page. */
export function isDevelopmentMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}
