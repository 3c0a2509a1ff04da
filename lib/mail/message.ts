import { z } from "zod";

// Pure: what a queued e-mail must look like. Plain text only: no HTML means nothing to escape or inject.
export const mailMessage = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(200).refine((s) => !/[\r\n]/.test(s), "no line breaks in a subject"),
  text: z.string().min(1).max(20_000),
  kind: z.string().min(1).max(80),
});

export type MailMessage = z.infer<typeof mailMessage>;

/** The portal's public address, for links in e-mails. */
export function portalUrl(path: string, baseUrl: string | undefined): string {
  return new URL(path, baseUrl ?? "http://localhost:3000").toString();
}
