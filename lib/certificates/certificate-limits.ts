// Pure, for the browser too: how big a certificate upload may be, and what is said when it is bigger.

/** Certificates weigh 1 to 3 KiB, chains a few more; anything bigger is not what we asked for. */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

export const ACCEPTED_CERTIFICATE_FORMATS = "au format PEM (texte commençant par « -----BEGIN CERTIFICATE----- ») ou DER (.pem, .crt, .cer ou .der)";

export const CERTIFICATE_FILE_TOO_LARGE =
  "Le fichier est trop volumineux (plus de 64 Kio) pour être un certificat. Envoyez le certificat seul, " + `${ACCEPTED_CERTIFICATE_FORMATS}.`;
