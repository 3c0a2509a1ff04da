import "server-only";
// The platform's seal from configuration (SEAL_P12_BASE64 or SEAL_P12_PATH, with SEAL_P12_PASSPHRASE): what seals
// attestations, and the certificate that verification trusts. Read once per process: the same credentials object
// is returned each time, so the decrypted key is cached by seal.ts.
import { readFile } from "node:fs/promises";
import { env } from "../env.server";
import { logger } from "../observability/logger";
import { sealCertificateDer, type SealCredentials } from "./seal";

export class SealNotConfiguredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealNotConfiguredError";
  }
}

let cached: Promise<SealCredentials> | undefined;

async function loadCredentials(): Promise<SealCredentials> {
  const { SEAL_P12_BASE64, SEAL_P12_PATH, SEAL_P12_PASSPHRASE } = env();
  if (!SEAL_P12_BASE64 && !SEAL_P12_PATH) {
    throw new SealNotConfiguredError(
      "Cachet de la plateforme non configuré : définissez SEAL_P12_BASE64 ou SEAL_P12_PATH et SEAL_P12_PASSPHRASE " +
        "(npm start en génère un auto-signé) / platform seal not configured",
    );
  }
  const p12 = SEAL_P12_BASE64
    ? Uint8Array.from(Buffer.from(SEAL_P12_BASE64.replace(/\s+/g, ""), "base64"))
    : Uint8Array.from(await readFile(SEAL_P12_PATH!));
  const credentials = { p12, passphrase: SEAL_P12_PASSPHRASE ?? "" };
  await sealCertificateDer(credentials); // fail here, with a clear message, if the file or passphrase is wrong
  return credentials;
}

/** The platform seal's PKCS#12 and passphrase; throws SealNotConfiguredError when the configuration has none. */
export function platformSealCredentials(): Promise<SealCredentials> {
  if (!cached) {
    const credentials = loadCredentials();
    cached = credentials;
    credentials.catch(() => {
      if (cached === credentials) cached = undefined;
    });
  }
  return cached;
}

/** The seal certificates (DER) a sealed attestation may carry: the platform's current one. */
export async function trustedSealCertificates(): Promise<Uint8Array[]> {
  return [await sealCertificateDer(await platformSealCredentials())];
}

/**
 * At server start: a configured seal that cannot be opened (wrong passphrase, not a PKCS#12) stops the server
 * with a clear message rather than failing at the first attestation; a missing one is only reported, since the
 * rest of the portal works without it (signed attestations then wait, SIGNED, until a seal is configured).
 */
export async function checkPlatformSealAtStartup(): Promise<void> {
  const { SEAL_P12_BASE64, SEAL_P12_PATH } = env();
  if (!SEAL_P12_BASE64 && !SEAL_P12_PATH) {
    logger().warn("Cachet des attestations non configuré (SEAL_P12_BASE64 ou SEAL_P12_PATH) : les attestations signées ne pourront pas être scellées.");
    return;
  }
  try {
    await platformSealCredentials();
  } catch (error) {
    logger().fatal({ error: error instanceof Error ? error.message : String(error) }, "Cachet des attestations illisible.");
    process.exit(1);
  }
}
