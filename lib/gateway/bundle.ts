// The gateway configuration bundle of one environment (ADR 0058): one JSON document carrying the generated nginx
// files by name, its revision number and when that revision was generated. Pure: hashes and bytes only.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ENVIRONMENTS, type Environment } from "../vocabulary";

export const GATEWAY_BUNDLE_FORMAT_VERSION = 1;

export type GatewayFiles = Record<string, string>;

export type GatewayBundle = {
  version: typeof GATEWAY_BUNDLE_FORMAT_VERSION;
  environment: Environment;
  revision: string;
  generatedAt: string;
  files: GatewayFiles;
};

/** The files in name order, so the same files always hash the same whatever order the generator gave them. */
export function sortedFiles(files: GatewayFiles): GatewayFiles {
  return Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]!]));
}

/** Lowercase hex SHA-256 over names and contents, length-prefixed so no two file sets collide by concatenation. */
export function gatewayFilesHash(files: GatewayFiles): string {
  const hash = createHash("sha256");
  for (const [name, content] of Object.entries(sortedFiles(files))) {
    const bytes = Buffer.from(content, "utf8");
    hash.update(`${Buffer.byteLength(name)}:${name}:${bytes.byteLength}:`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

export function gatewayBundleBytes(bundle: GatewayBundle): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ ...bundle, files: sortedFiles(bundle.files) }));
}

/** A strong ETag for the exact bytes of the bundle: the revision is in the body, so it is in the tag. */
export function gatewayBundleEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url")}"`;
}

/** `?environment=TEST|PRODUCTION`, exactly once. */
export function gatewayEnvironmentOf(url: URL): Environment | "invalid" {
  const values = url.searchParams.getAll("environment");
  if (values.length !== 1) return "invalid";
  return (ENVIRONMENTS as readonly string[]).includes(values[0]!) ? (values[0] as Environment) : "invalid";
}

export const GATEWAY_REPORT_MESSAGE_MAX = 4000;

/** What the sync agent posts after an attempt (POST /api/v1/gateway/reports). */
export const gatewayReportSchema = z.strictObject({
  environment: z.enum(ENVIRONMENTS, { error: "L'environnement vaut TEST ou PRODUCTION." }),
  revision: z
    .string({ error: "La révision est le numéro reçu avec la configuration." })
    .regex(/^[1-9][0-9]{0,17}$/, "La révision est le numéro reçu avec la configuration."),
  result: z.enum(["applied", "failed"], { error: "Le résultat vaut applied ou failed." }),
  appliedAt: z.iso.datetime({ offset: true, error: "appliedAt est un instant ISO 8601." }),
  message: z
    .string({ error: "Le message de nginx est requis (vide si nginx n'a rien dit)." })
    .max(GATEWAY_REPORT_MESSAGE_MAX, `Le message de nginx fait au plus ${GATEWAY_REPORT_MESSAGE_MAX} caractères.`),
});
export type GatewayReportInput = z.infer<typeof gatewayReportSchema>;

/** "appliqué à la passerelle à 14:03 (révision 812)" in Paris time. */
export function appliedSentence(report: { result: "APPLIED" | "FAILED"; appliedAt: Date; revision: string }): string {
  const time = report.appliedAt.toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
  const day = report.appliedAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" });
  return report.result === "APPLIED"
    ? `appliqué à la passerelle à ${time} le ${day} (révision ${report.revision})`
    : `échec de l'application à la passerelle à ${time} le ${day} (révision ${report.revision})`;
}
