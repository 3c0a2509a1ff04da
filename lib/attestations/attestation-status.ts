// Pure: the French words for an attestation's state, and what may be done in each.

export type AttestationStatusCode = "DRAFT" | "AWAITING_SIGNATURES" | "DECLINED" | "SIGNED" | "SEALED" | "CANCELLED";
export type SignatureStatusCode = "PENDING" | "SIGNED" | "DECLINED" | "CANCELLED";

export const ATTESTATION_STATUS_LABELS: Record<AttestationStatusCode, string> = {
  DRAFT: "Brouillon",
  AWAITING_SIGNATURES: "En attente de signatures",
  DECLINED: "Signature refusée",
  SIGNED: "Signée, scellement en cours",
  SEALED: "Signée et scellée",
  CANCELLED: "Abandonnée",
};

export const SIGNATURE_STATUS_LABELS: Record<SignatureStatusCode, string> = {
  PENDING: "En attente",
  SIGNED: "Signée",
  DECLINED: "Refusée",
  CANCELLED: "Annulée",
};

/** Fields can be changed (a pending signing round is then cancelled). */
export const isEditable = (status: AttestationStatusCode) => status === "DRAFT" || status === "AWAITING_SIGNATURES" || status === "DECLINED";
/** A (new) signing round can start. */
export const isSendable = (status: AttestationStatusCode) => status === "DRAFT" || status === "DECLINED";
/** The attestation still counts for its client SIRET (one attestation per client and service). */
export const holdsClientSiret = (status: AttestationStatusCode) => status !== "CANCELLED";
