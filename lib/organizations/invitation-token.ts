import { createHash } from "node:crypto";
import { DAY_MS } from "../vocabulary";

// Pure rules of invitation links: the token travels in the e-mail, only its SHA-256 is stored.

export const INVITATION_TOKEN_BYTES = 32;
export const INVITATION_VALIDITY_DAYS = 7;

/** 32 random bytes as base64url: 43 characters, safe in a URL path. The caller supplies the randomness. */
export function encodeInvitationToken(bytes: Uint8Array): string {
  if (bytes.length !== INVITATION_TOKEN_BYTES) throw new Error(`an invitation token needs ${INVITATION_TOKEN_BYTES} bytes`);
  return Buffer.from(bytes).toString("base64url");
}

/** What a well-formed token looks like; anything else is unknown without touching the database. */
export function isWellFormedInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The only form in which a token is stored (Invitation.tokenHash): hex SHA-256. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS);
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

/** Accepted and revoked win over expiry: they say what happened to the link. Expired at the exact instant. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The French explanation shown for a link that can no longer be used; it reveals nothing else. */
export const unusableInvitationMessages: Record<Exclude<InvitationState, "pending"> | "unknown", { title: string; text: string }> = {
  accepted: {
    title: "Cette invitation a déjà été utilisée",
    text: "Un lien d'invitation ne sert qu'une fois. Si vous avez déjà rejoint l'organisation, connectez-vous.",
  },
  expired: {
    title: "Cette invitation a expiré",
    text: "Un lien d'invitation est valable 7 jours. Demandez à un membre de l'organisation de vous inviter à nouveau.",
  },
  revoked: {
    title: "Cette invitation a été annulée",
    text: "Ce lien n'est plus valable. Demandez à un membre de l'organisation de vous inviter à nouveau si nécessaire.",
  },
  unknown: {
    title: "Cette invitation est introuvable",
    text: "Le lien est incomplet ou ne correspond à aucune invitation. Vérifiez que vous avez copié le lien en entier.",
  },
};
