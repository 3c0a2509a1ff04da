// Words of the CA bundles, shared by the use cases and the upload form (which runs in the browser, so this file
// imports nothing that needs Node).
import { ENVIRONMENT_NAMES, ENVIRONMENT_TITLES, ENVIRONMENTS, type Environment } from "../vocabulary";

export const CA_BUNDLE_ENVIRONMENTS = ENVIRONMENTS;
export type CaBundleEnvironment = Environment;
export const CA_BUNDLE_ENVIRONMENT_LABELS = ENVIRONMENT_TITLES;
/** For sentences: "le bundle de l'environnement de test". */
export const CA_BUNDLE_ENVIRONMENT_NAMES = ENVIRONMENT_NAMES;

/** Same cap as any certificate upload (MAX_CERTIFICATE_FILE_BYTES): a CA certificate weighs 1 to 3 KiB. */
export const CA_UPLOAD_MAX_BYTES = 64 * 1024;

export const CA_BUNDLE_ERRORS = {
  missing: "Choisissez le fichier du certificat de l'autorité de certification, ou collez-le au format PEM.",
  both: "Vous avez à la fois choisi un fichier et collé un certificat : gardez l'un ou l'autre, puis recommencez.",
  tooLarge:
    "Le fichier est trop volumineux (plus de 64 Kio) pour être un certificat. Envoyez le certificat de l'autorité " +
    "seul, au format PEM ou DER (.pem, .crt, .cer ou .der).",
  notAnAuthority: (name: string) =>
    `Le certificat « ${name} » n'est pas celui d'une autorité de certification (son extension basicConstraints ` +
    "ne porte pas cA) : seuls des certificats d'autorités, racines ou intermédiaires, peuvent être ajoutés ici. " +
    "Les certificats clients des services se déposent depuis l'espace éditeur.",
  duplicate: (name: string, environment: CaBundleEnvironment) =>
    `L'autorité « ${name} » figure déjà parmi celles de ${CA_BUNDLE_ENVIRONMENT_NAMES[environment]} (même empreinte SHA-256).`,
  duplicateRetired: (name: string, environment: CaBundleEnvironment, retiredOn: string) =>
    `L'autorité « ${name} » a été retirée de ${CA_BUNDLE_ENVIRONMENT_NAMES[environment]} le ${retiredOn} : une ` +
    "autorité retirée ne peut pas y être ajoutée de nouveau.",
  environment: "Choisissez l'environnement de test ou de production.",
} as const;

export type CaKind = "root" | "intermediate";

export const CA_KIND_LABELS: Record<CaKind, string> = {
  root: "Racine",
  intermediate: "Intermédiaire",
};

/** "2 403 jours restants", "1 jour restant", "dernier jour": calendar days, in Paris (lib/time.ts). */
export { daysLeftLabel } from "../time";
