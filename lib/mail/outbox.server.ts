import type { Tx } from "../db.server";
import { mailMessage, type MailMessage } from "./message";

/**
 * Queues e-mails in the transaction of the change they report: a rolled-back change sends nothing,
 * and nothing is lost when SMTP is down (the sender retries).
 */
export async function queueMail(tx: Tx, messages: MailMessage | MailMessage[]): Promise<void> {
  const list = (Array.isArray(messages) ? messages : [messages]).map((m) => mailMessage.parse(m));
  if (list.length > 0) await tx.outboxMessage.createMany({ data: list });
}
