// Key usages and extended key usages, with the French labels shown to editors and reviewers.

/** In the order of the bits of the keyUsage extension (RFC 5280 section 4.2.1.3). */
export const KEY_USAGES = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;

export type KeyUsageName = (typeof KEY_USAGES)[number];

export const KEY_USAGE_LABELS: Record<KeyUsageName, string> = {
  digitalSignature: "Signature numérique",
  nonRepudiation: "Non-répudiation",
  keyEncipherment: "Chiffrement de clé",
  dataEncipherment: "Chiffrement de données",
  keyAgreement: "Accord de clé",
  keyCertSign: "Signature de certificats",
  cRLSign: "Signature de listes de révocation (CRL)",
  encipherOnly: "Chiffrement uniquement",
  decipherOnly: "Déchiffrement uniquement",
};

export const EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
/** The usage the ROR requires ("AUTH_CLI" in IGC Santé's vocabulary). */
export const EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
export const EKU_ANY = "2.5.29.37.0";

export const EXTENDED_KEY_USAGE_LABELS: Readonly<Record<string, string>> = {
  [EKU_SERVER_AUTH]: "Authentification serveur",
  [EKU_CLIENT_AUTH]: "Authentification client",
  "1.3.6.1.5.5.7.3.3": "Signature de code",
  "1.3.6.1.5.5.7.3.4": "Protection du courrier électronique",
  "1.3.6.1.5.5.7.3.8": "Horodatage",
  "1.3.6.1.5.5.7.3.9": "Signature de réponses OCSP",
  "1.3.6.1.4.1.311.20.2.2": "Connexion par carte à puce",
  [EKU_ANY]: "Tous usages étendus",
};

/** The French label, or the OID itself for a usage nobody has named here. */
export function extendedKeyUsageLabel(oid: string): string {
  return EXTENDED_KEY_USAGE_LABELS[oid] ?? oid;
}
