import { z } from "zod";

// Pure: what a queued e-mail must look like. Plain text only: no HTML means nothing to escape or inject.
export const mailMessage = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(200).refine((s) => !/[\r\n]/.test(s), "no line breaks in a subject"),
  text: z.string().min(1).max(20_000),
  kind: z.string().min(1).max(80),
});

export type MailMessage = z.infer<typeof mailMessage>;

/** Where links point when AUTH_URL is unset, outside production mode only (`npm start` sets AUTH_URL to its port). */
export const DEVELOPMENT_PORTAL_URL = "http://localhost:3000";

/**
 * An absolute link to a page of the portal, for e-mails: from AUTH_URL, the portal's public address. Production mode
 * never falls back on a local address (its start refuses a missing AUTH_URL; this is the last guard).
 */
export function portalUrl(path: string, baseUrl: string | undefined, mode: "development" | "production" = "development"): string {
  if (!baseUrl && mode === "production") throw new Error("AUTH_URL absente : aucun lien de courriel ne peut être construit en production.");
  return new URL(path, baseUrl ?? DEVELOPMENT_PORTAL_URL).toString();
}

/** The domain of a sender ("Name <a@domain>" or "a@domain"), for Message-ID headers. */
export function senderDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf("@") + 1).trim().toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) && domain !== "" ? domain : "ror-espace-confiance.fr";
}

/** One Message-ID per message, fixed when queued, so that every retry carries the same (RFC 5322 §3.6.4). */
export function messageIdFor(id: string, from: string): string {
  return `<${id}@${senderDomain(from)}>`;
}
