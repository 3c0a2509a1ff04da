// Pure: what the public verification page says, in French, about an uploaded PDF. A refusal names only what is
// wrong with the uploaded file itself, never anything about the portal's other documents.
import type { SealVerification } from "./seal-verification";

/** 10 Mio: a sealed attestation weighs well under 1 Mio; anything bigger is refused before it is read. */
export const MAX_VERIFICATION_BYTES = 10 * 1024 * 1024;

export type VerificationRefusal =
  | "no-seal"
  | "modified"
  | "invalid-seal"
  | "unknown-signer"
  | "unknown-document";

export type VerifiedSigner = {
  party: "CLIENT" | "EDITOR";
  name: string;
  function: string;
  /** ISO 8601. */
  signedAt: string;
};

export type AttestationVerification =
  | {
      authentic: true;
      clientName: string;
      clientSiret: string;
      editorName: string;
      serviceName: string;
      softwareVersion: string;
      signers: VerifiedSigner[];
      /** ISO 8601: when the portal sealed it. */
      sealedAt: string;
      sha256: string;
    }
  | { authentic: false; reason: VerificationRefusal; message: string; sha256: string };

export const VERIFICATION_FILE_MESSAGES = {
  missing: "Choisissez le fichier PDF de l'attestation à vérifier.",
  empty: "Le fichier choisi est vide.",
  tooLarge: "Le fichier dépasse 10 Mio : une attestation scellée par le portail est bien plus légère.",
  notPdf: "Ce fichier n'est pas un PDF. Déposez l'attestation telle que vous l'avez téléchargée, au format PDF.",
} as const;

const REFUSALS: Record<VerificationRefusal, string> = {
  "no-seal":
    "Ce PDF ne porte aucun cachet électronique : ce n'est pas une attestation scellée par le portail, ou c'en est une copie imprimée, numérisée ou réenregistrée.",
  modified:
    "Le document a été modifié après son scellement par le portail : son contenu ne correspond plus à son cachet électronique.",
  "invalid-seal": "Le cachet électronique de ce PDF est invalide ou illisible.",
  "unknown-signer": "Ce PDF porte une signature électronique, mais pas le cachet de ce portail.",
  "unknown-document":
    "Le cachet de ce portail est intact, mais le document ne correspond à aucune attestation scellée en vigueur sur ce portail.",
};

/** The refusal for a seal check that did not succeed; null when the seal is valid (the register decides next). */
export function sealRefusal(result: SealVerification): VerificationRefusal | null {
  switch (result.status) {
    case "valid":
      return null;
    case "not-pdf":
    case "no-signature":
      return "no-seal";
    case "unknown-signer":
      return "unknown-signer";
    case "invalid":
      return result.reason === "digest-mismatch" || result.reason === "modified-after-sealing" || result.reason === "several-signatures"
        ? "modified"
        : "invalid-seal";
  }
}

export function refusal(reason: VerificationRefusal, sha256: string): AttestationVerification {
  return { authentic: false, reason, message: REFUSALS[reason], sha256 };
}
