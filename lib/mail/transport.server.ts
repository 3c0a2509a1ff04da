import "server-only";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";

export type OutgoingMail = { from: string; replyTo?: string; to: string; subject: string; text: string; messageId: string };

/** What the mail job needs of SMTP: send one message (throws the server's error), and close. */
export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void };

/**
 * A pooled SMTP transport (a few connections reused by the jobs of one worker), with timeouts short enough that a
 * stuck server frees the job within a minute; a timeout is a temporary failure, retried.
 */
export function smtpTransport(url: string, options: { maxConnections?: number } = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 1000,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail({ from: mail.from, replyTo: mail.replyTo, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close: () => transporter.close(),
  };
}
