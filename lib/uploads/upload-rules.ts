// Pure: what one upload endpoint accepts (ADR 0026). Every file kind has its fields, its per-file cap and count, and
// a cap on the whole request body derived from them: the streaming reader stops as soon as one is passed, before
// anything is buffered past it, and says so in French.

export type FileRule = {
  /** The form field the file comes in. */
  field: string;
  maxBytes: number;
  maxCount: number;
  /** The French message shown under the field when one file passes `maxBytes`. */
  tooLarge: (fileName: string) => string;
  /** The French message when more than `maxCount` files are sent in this field. */
  tooMany?: string;
};

export type UploadKind = {
  /** For logs and tests. */
  name: string;
  files: readonly FileRule[];
  /** The text fields the form has; anything else is dropped. */
  textFields: readonly string[];
  /** Bytes all the text fields may weigh together. */
  maxTextBytes: number;
};

/** What multipart framing may add per part (boundary, part headers with a long file name). */
export const PART_OVERHEAD_BYTES = 2 * 1024;
/** Text fields a browser adds on its own (React's hidden inputs of a form bound to a server action). */
const EXTRA_FIELDS = 8;

/** Every part a request of this kind may hold. */
export function maxParts(kind: UploadKind): number {
  return kind.files.reduce((sum, rule) => sum + rule.maxCount, 0) + kind.textFields.length + EXTRA_FIELDS;
}

/** The most a well-formed request of this kind weighs: every file at its cap, the text, the framing. */
export function maxBodyBytes(kind: UploadKind): number {
  const files = kind.files.reduce((sum, rule) => sum + rule.maxBytes * rule.maxCount, 0);
  return files + kind.maxTextBytes + maxParts(kind) * PART_OVERHEAD_BYTES;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} octets`;
  if (size < 1024 * 1024) return `${(size / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Kio`;
  return `${(size / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mio`;
}

export const UPLOAD_MESSAGES = {
  bodyTooLarge: (limit: number) => `L'envoi dépasse ${formatBytes(limit)}, le plus que ce formulaire accepte : rien n'a été enregistré.`,
  notMultipart: "Requête illisible : les fichiers s'envoient depuis le formulaire du portail.",
  malformed: "L'envoi est illisible ou incomplet : rien n'a été enregistré. Réessayez.",
  badLength: "La taille annoncée de l'envoi est invalide.",
  stalled: "L'envoi s'est interrompu : rien n'a été enregistré. Vérifiez votre connexion, puis réessayez.",
  aborted: "L'envoi a été interrompu : rien n'a été enregistré.",
  tooManyParts: "L'envoi contient trop de champs ou de fichiers : rien n'a été enregistré.",
  unexpectedFile: "L'envoi contient un fichier que ce formulaire n'attend pas : rien n'a été enregistré.",
  crossSite: "Requête refusée : les fichiers s'envoient depuis les formulaires du portail.",
  signedOut: "Votre session a expiré. Reconnectez-vous, puis recommencez.",
  tooManyFiles: (count: number) => `Joignez au plus ${count} fichier${count > 1 ? "s" : ""} dans ce champ.`,
} as const;

/** The refusal of an upload before its content is used: an HTTP status, a French title and detail, maybe a field. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UploadRefusal";
  }
}

export const REFUSAL_TITLES: Record<number, string> = {
  400: "Requête invalide",
  401: "Session expirée",
  403: "Requête refusée",
  404: "Introuvable",
  408: "Envoi interrompu",
  409: "Conflit",
  411: "Taille de l'envoi requise",
  413: "Envoi trop volumineux",
  415: "Format d'envoi non pris en charge",
  422: "Formulaire incorrect",
  429: "Trop de demandes",
  500: "Erreur inattendue",
  503: "Service momentanément indisponible",
};

export function refusal(status: number, message: string, field?: string): UploadRefusal {
  return new UploadRefusal(status, REFUSAL_TITLES[status] ?? "Requête refusée", message, field);
}

/**
 * What the announced Content-Length says before a byte is read: null when acceptable (or absent: then counting
 * decides), otherwise the refusal.
 */
export function declaredLengthRefusal(contentLength: string | null, limit: number): UploadRefusal | null {
  if (contentLength === null) return null;
  if (!/^\d{1,15}$/.test(contentLength.trim())) return refusal(400, UPLOAD_MESSAGES.badLength);
  return Number(contentLength) > limit ? refusal(413, UPLOAD_MESSAGES.bodyTooLarge(limit)) : null;
}

/** A file input left empty still posts a part without a name and without content: it is no file. */
export function isEmptyFilePart(fileName: string | undefined, size: number): boolean {
  return size === 0 && (fileName === undefined || fileName === "" || fileName === "undefined");
}
