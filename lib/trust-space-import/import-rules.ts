// Pure: the import file's documented columns and caps, shared by the form, the upload kind and the reader.

/** The columns, in this order, with a header row (documented on /administration/reprise and in ADR 0059). */
export const IMPORT_COLUMNS = [
  "siret",
  "raison_sociale",
  "service",
  "environnement",
  "url",
  "certificat_pem",
  "profil",
  "quota_authentifie",
  "quota_public",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_LINES = 5000;

