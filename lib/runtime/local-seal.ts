// The platform seal of the embedded default and of test servers: a self-signed certificate generated once and
// kept in the git-ignored data folder (npm start), or generated in memory (Playwright, integration tests).
// Production gives its own through SEAL_P12_BASE64 / SEAL_P12_PATH and SEAL_P12_PASSPHRASE (ADR 0007).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatePlatformSealCertificate } from "../attestations/platform-seal-certificate";
import { localSecret } from "./local-secrets";

export const LOCAL_SEAL_FILES = {
  p12: "platform-seal.p12",
  certificate: "platform-seal.pem",
  passphrase: "platform-seal-passphrase",
} as const;

/** `<dataDir>/platform-seal.p12` and its passphrase, created on first call. */
export async function ensureLocalPlatformSeal(
  dataDir: string,
  now = new Date(),
): Promise<{ p12Path: string; passphrase: string; created: boolean }> {
  const p12Path = path.join(dataDir, LOCAL_SEAL_FILES.p12);
  const passphrase = localSecret(dataDir, LOCAL_SEAL_FILES.passphrase);
  if (existsSync(p12Path)) return { p12Path, passphrase, created: false };
  mkdirSync(dataDir, { recursive: true });
  const seal = await generatePlatformSealCertificate({ now, passphrase });
  writeFileSync(path.join(dataDir, LOCAL_SEAL_FILES.certificate), seal.certificatePem, { mode: 0o644 });
  writeFileSync(p12Path, seal.p12, { mode: 0o600 });
  return { p12Path, passphrase, created: true };
}

/** Environment variables carrying a fresh in-memory seal, for a test server or a test run. */
export async function testPlatformSealEnv(now = new Date()): Promise<{ SEAL_P12_BASE64: string; SEAL_P12_PASSPHRASE: string }> {
  const passphrase = randomBytes(18).toString("base64url");
  const seal = await generatePlatformSealCertificate({ now, passphrase, modulusLength: 2048 });
  return { SEAL_P12_BASE64: Buffer.from(seal.p12).toString("base64"), SEAL_P12_PASSPHRASE: passphrase };
}
