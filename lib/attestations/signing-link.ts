import { createHash } from "node:crypto";
import { DAY_MS } from "../vocabulary";

// Pure rules of the client signatory's personal link: the token travels in the e-mail, only its SHA-256 is
// stored (AttestationSignature.tokenHash). 32 random bytes (supplied by the caller), single use, 14 days.

export const SIGNING_TOKEN_BYTES = 32;
export const SIGNING_LINK_VALIDITY_DAYS = 14;

export function encodeSigningToken(bytes: Uint8Array): string {
  if (bytes.length !== SIGNING_TOKEN_BYTES) throw new Error(`a signing token needs ${SIGNING_TOKEN_BYTES} bytes`);
  return Buffer.from(bytes).toString("base64url");
}

/** What a well-formed token looks like; anything else is unknown without touching the database. */
export function isWellFormedSigningToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashSigningToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function signingLinkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + SIGNING_LINK_VALIDITY_DAYS * DAY_MS);
}

export type SigningLinkState = "valid" | "used" | "declined" | "cancelled" | "expired";

/** What happened to the link wins over expiry. Expired at the exact instant. */
export function signingLinkState(
  signature: { status: "PENDING" | "SIGNED" | "DECLINED" | "CANCELLED"; usedAt: Date | null; expiresAt: Date | null },
  now: Date,
): SigningLinkState {
  if (signature.status === "SIGNED" || (signature.usedAt && signature.status !== "DECLINED")) return "used";
  if (signature.status === "DECLINED") return "declined";
  if (signature.status === "CANCELLED") return "cancelled";
  if (!signature.expiresAt || signature.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** The French page shown for a link that cannot be used: it says which, and nothing of the document. */
export const unusableSigningLinkMessages: Record<Exclude<SigningLinkState, "valid"> | "unknown", { title: string; text: string }> = {
  used: {
    title: "Ce lien de signature a déjà été utilisé",
    text: "Un lien de signature ne sert qu'une fois. Si vous avez signé, l'éditeur vous enverra le document final par courriel.",
  },
  declined: {
    title: "Ce lien de signature a déjà été utilisé pour refuser de signer",
    text: "Le refus a été transmis à l'éditeur. S'il vous envoie un nouveau document, vous recevrez un nouveau lien.",
  },
  cancelled: {
    title: "Ce lien de signature a été annulé",
    text: "L'éditeur a annulé cette demande de signature ou vous a envoyé un nouveau lien. Utilisez le lien du courriel le plus récent.",
  },
  expired: {
    title: "Ce lien de signature a expiré",
    text: `Un lien de signature est valable ${SIGNING_LINK_VALIDITY_DAYS} jours. Demandez à l'éditeur de vous en envoyer un nouveau.`,
  },
  unknown: {
    title: "Ce lien de signature est introuvable",
    text: "Le lien est incomplet ou ne correspond à aucune demande de signature. Vérifiez que vous avez copié le lien en entier.",
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The signed copy: once sealed, each client signatory gets a personal link to download the sealed PDF. Same token
// shape and hashing as the signing link; bound to one signature row; reusable for 30 days.

export const COPY_LINK_VALIDITY_DAYS = 30;

export function copyLinkExpiry(sealedAt: Date): Date {
  return new Date(sealedAt.getTime() + COPY_LINK_VALIDITY_DAYS * DAY_MS);
}

export type CopyLinkState = "valid" | "expired" | "unknown";

export function copyLinkState(link: { expiresAt: Date } | null, now: Date): CopyLinkState {
  if (!link) return "unknown";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

export const unusableCopyLinkMessages: Record<Exclude<CopyLinkState, "valid">, { title: string; text: string }> = {
  expired: {
    title: "Ce lien de téléchargement a expiré",
    text: `Un lien de téléchargement de l'attestation signée est valable ${COPY_LINK_VALIDITY_DAYS} jours. Demandez à l'éditeur de vous transmettre le document scellé.`,
  },
  unknown: {
    title: "Ce lien de téléchargement est introuvable",
    text: "Le lien est incomplet ou ne correspond à aucune attestation signée. Vérifiez que vous avez copié le lien en entier.",
  },
};
