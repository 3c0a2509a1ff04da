import { createHash } from "node:crypto";

// Pure rules of the single-use links mailed to an account (ADR 0020): e-mail verification, password recovery and
// e-mail change. The token travels in the mail; only its SHA-256 is stored.

export type AccountLinkPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD" | "CHANGE_EMAIL";

export const ACCOUNT_LINK_TOKEN_BYTES = 32;
const HOUR_MS = 60 * 60_000;

/** How long a link holds: a day to verify an address, an hour to set a forgotten password. */
export const ACCOUNT_LINK_VALIDITY_MS: Record<AccountLinkPurpose, number> = {
  VERIFY_EMAIL: 24 * HOUR_MS,
  RESET_PASSWORD: HOUR_MS,
  CHANGE_EMAIL: 24 * HOUR_MS,
};

/** 32 random bytes as base64url: 43 characters, safe in a URL path. The caller supplies the randomness. */
export function encodeAccountLinkToken(bytes: Uint8Array): string {
  if (bytes.length !== ACCOUNT_LINK_TOKEN_BYTES) throw new Error(`an account link token needs ${ACCOUNT_LINK_TOKEN_BYTES} bytes`);
  return Buffer.from(bytes).toString("base64url");
}

/** What a well-formed token looks like; anything else is unknown without touching the database. */
export function isWellFormedAccountLinkToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The only form in which a token is stored (AccountLink.tokenHash): hex SHA-256. */
export function hashAccountLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function accountLinkExpiry(purpose: AccountLinkPurpose, createdAt: Date): Date {
  return new Date(createdAt.getTime() + ACCOUNT_LINK_VALIDITY_MS[purpose]);
}

export type AccountLinkState = "usable" | "used" | "replaced" | "expired";
export type UnusableAccountLinkState = Exclude<AccountLinkState, "usable"> | "unknown";

/** Used and replaced win over expiry: they say what happened to the link. Expired at the exact instant. */
export function accountLinkState(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): AccountLinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "replaced";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}

type Message = { title: string; text: string };

/** The French explanation of a link that can no longer be used: it says which, and nothing about the account. */
export const unusableAccountLinkMessages: Record<AccountLinkPurpose, Record<UnusableAccountLinkState, Message>> = {
  VERIFY_EMAIL: {
    used: {
      title: "Ce lien de confirmation a déjà été utilisé",
      text: "Un lien de confirmation ne sert qu'une fois. Si votre adresse est confirmée, connectez-vous.",
    },
    replaced: {
      title: "Ce lien de confirmation a été remplacé",
      text: "Un lien plus récent vous a été envoyé : utilisez le dernier courriel reçu, ou connectez-vous pour en demander un nouveau.",
    },
    expired: {
      title: "Ce lien de confirmation a expiré",
      text: "Un lien de confirmation est valable 24 heures. Connectez-vous pour en recevoir un nouveau.",
    },
    unknown: {
      title: "Ce lien de confirmation est introuvable",
      text: "Le lien est incomplet ou ne correspond à aucune demande. Vérifiez que vous avez copié le lien en entier.",
    },
  },
  RESET_PASSWORD: {
    used: {
      title: "Ce lien de réinitialisation a déjà été utilisé",
      text: "Un lien de réinitialisation ne sert qu'une fois. Si vous avez oublié votre mot de passe, demandez un nouveau lien.",
    },
    replaced: {
      title: "Ce lien de réinitialisation a été remplacé",
      text: "Un lien plus récent a été envoyé : utilisez le dernier courriel reçu, ou demandez un nouveau lien.",
    },
    expired: {
      title: "Ce lien de réinitialisation a expiré",
      text: "Un lien de réinitialisation est valable 1 heure. Demandez un nouveau lien.",
    },
    unknown: {
      title: "Ce lien de réinitialisation est introuvable",
      text: "Le lien est incomplet ou ne correspond à aucune demande. Vérifiez que vous avez copié le lien en entier, ou demandez un nouveau lien.",
    },
  },
  CHANGE_EMAIL: {
    used: {
      title: "Ce lien de changement d'adresse a déjà été utilisé",
      text: "Un lien de confirmation ne sert qu'une fois. Votre compte affiche l'adresse en vigueur.",
    },
    replaced: {
      title: "Ce lien de changement d'adresse a été remplacé",
      text: "Une demande plus récente a été faite : utilisez le dernier courriel reçu.",
    },
    expired: {
      title: "Ce lien de changement d'adresse a expiré",
      text: "Un lien de changement d'adresse est valable 24 heures. Refaites la demande depuis la page « Mon compte ».",
    },
    unknown: {
      title: "Ce lien de changement d'adresse est introuvable",
      text: "Le lien est incomplet ou ne correspond à aucune demande. Vérifiez que vous avez copié le lien en entier.",
    },
  },
};

/** One mail of a kind per address within this window (recovery, resent verification, "you already have an account"). */
export const MAIL_WINDOW_MS = 10 * 60_000;

/** Whether another mail of a kind may go to an address whose latest one went at `lastSentAt`. */
export function mayMailAgain(lastSentAt: Date | null, now: Date): boolean {
  return lastSentAt === null || now.getTime() - lastSentAt.getTime() >= MAIL_WINDOW_MS;
}
