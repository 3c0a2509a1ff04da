import { z } from "zod";
import { MAX_CERTIFICATE_FILE_BYTES } from "./certificate-input";
import { ENVIRONMENT_TITLES, ENVIRONMENTS } from "../vocabulary";

export const environmentSchema = z.enum(ENVIRONMENTS, { error: "Choisissez l'environnement : test ou production." });
export type CertificateEnvironment = z.infer<typeof environmentSchema>;

export const ENVIRONMENT_LABELS = ENVIRONMENT_TITLES;

/** Either a file or pasted PEM text, never both, never neither. */
export const certificateUploadSchema = z
  .object({
    serviceId: z.uuid({ error: "Service introuvable." }),
    environment: environmentSchema,
    fileBytes: z.instanceof(Uint8Array).optional(),
    pastedText: z.string().max(MAX_CERTIFICATE_FILE_BYTES * 2, "Le texte collé dépasse 64 Kio.").optional(),
  })
  .transform((value, ctx) => {
    const hasFile = value.fileBytes !== undefined;
    const hasText = value.pastedText !== undefined && value.pastedText.trim() !== "";
    if (hasFile === hasText) {
      ctx.addIssue({
        code: "custom",
        path: ["certificate"],
        message: hasFile
          ? "Déposez un fichier ou collez le certificat, pas les deux."
          : "Déposez le fichier du certificat ou collez son contenu PEM.",
      });
      return z.NEVER;
    }
    return {
      serviceId: value.serviceId,
      environment: value.environment,
      input: hasFile ? { bytes: value.fileBytes! } : { text: value.pastedText! },
    };
  });
