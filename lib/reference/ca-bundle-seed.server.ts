import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { caCertificateRow } from "../certificates/ca-bundle";
import { certificateFacts } from "../certificates/certificate-facts";
import type { PrismaClient, ServiceEnvironment } from "../generated/prisma/client";

// IGC Santé's public production chain (see seed-data/igc-sante/README.md): reference data, in production too.
export const IGC_SANTE_PRODUCTION_CA_FILES = ["AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer", "AC-IGC-SANTE-ELEMENTAIRE-ORGANISATIONS.cer"] as const;

export async function readIgcSanteProductionCertificates(): Promise<Uint8Array[]> {
  return Promise.all(
    IGC_SANTE_PRODUCTION_CA_FILES.map(async (file) => new Uint8Array(await readFile(path.join(import.meta.dirname, "..", "..", "prisma", "seed-data", "igc-sante", file)))),
  );
}

/**
 * Inserts each CA certificate into the environment's bundle when that bundle has never held it. Never updates,
 * and never re-adds one that ANS retired: the (environment, fingerprint) row stays, retired. Safe when two
 * instances start at once (the unique constraint decides). Returns how many were inserted.
 */
export async function seedCaCertificates(db: PrismaClient, environment: ServiceEnvironment, certificates: readonly Uint8Array[]): Promise<number> {
  const { count } = await db.caCertificate.createMany({
    // Loaded by the system, no person behind it.
    data: certificates.map((der) => caCertificateRow(environment, der, certificateFacts(der), null)),
    skipDuplicates: true,
  });
  return count;
}

/** The PRODUCTION bundle starts with IGC Santé's root and organisation CAs. Idempotent. */
export async function seedProductionCaBundle(db: PrismaClient): Promise<number> {
  return seedCaCertificates(db, "PRODUCTION", await readIgcSanteProductionCertificates());
}
