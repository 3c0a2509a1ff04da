import nodemailer from "nodemailer";
import { db } from "../db.server";
import { env } from "../env.server";

const BATCH = 20;
const MAX_ATTEMPTS = 10;
const FROM = "Espace de confiance ROR <ne-pas-repondre@ror-espace-confiance.fr>";

/**
 * Delivers queued messages over SMTP. Rows are claimed with SKIP LOCKED so several app instances can
 * run the sender at once without sending a message twice.
 */
export async function deliverPendingMail(): Promise<{ sent: number; failed: number }> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  let failed = 0;
  await db().$transaction(async (tx) => {
    const batch = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string }[]>`
      SELECT id, "to", subject, text FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    for (const message of batch) {
      try {
        await transport.sendMail({ from: FROM, to: message.to, subject: message.subject, text: message.text });
        await tx.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), attempts: { increment: 1 } } });
        sent++;
      } catch (error) {
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 1000) },
        });
        failed++;
      }
    }
  }, { timeout: 60_000 });
  return { sent, failed };
}
