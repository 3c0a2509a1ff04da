// Demo only: the imitation of IGC Santé's TEST chain that the demo portal trusts in its TEST bundle, kept on disk
// (git-ignored) so that demo client certificates can be issued from it later (`npm run demo:certificate`).
// Its private key never enters the database nor the repository.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createTestAuthority,
  exportTestAuthority,
  importTestAuthority,
  type StoredTestAuthority,
  type TestAuthority,
} from "../testing/test-authority";
import type { PrismaClient } from "../generated/prisma/client";
import { seedCaCertificates } from "../reference/ca-bundle-seed.server";
import { projectRoot } from "./database-tools";

export const DEMO_TEST_AUTHORITY_FILES = {
  root: "root-ca.pem",
  issuing: "issuing-ca.pem",
  issuingKey: "issuing-ca.key.pem",
} as const;

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Where `npm start` keeps the demo test authority: `<data dir>/demo-test-ca`, the data dir being git-ignored. */
export function demoTestAuthorityDir(dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data")): string {
  return path.join(dataDir, "demo-test-ca");
}

/**
 * Where the Playwright web server of `port` keeps its test authority (recreated at each server start). E2E specs
 * run in other processes: they load it from here to issue client certificates that chain to the TEST bundle.
 */
export function e2eTestAuthorityDir(port: string | number): string {
  return path.join(os.tmpdir(), `ror-e2e-test-ca-${port}`);
}

/** The authority stored in `dir`, or null when none is there (a missing file counts as none). */
export async function loadTestAuthority(dir: string): Promise<TestAuthority | null> {
  const files = Object.values(DEMO_TEST_AUTHORITY_FILES).map((file) => path.join(dir, file));
  if (!files.every((file) => existsSync(file))) return null;
  const [rootCertificatePem, issuingCertificatePem, issuingPrivateKeyPem] = files.map((file) => readFileSync(file, "utf8"));
  return importTestAuthority({ rootCertificatePem: rootCertificatePem!, issuingCertificatePem: issuingCertificatePem!, issuingPrivateKeyPem: issuingPrivateKeyPem! });
}

/** Loads the authority stored in `dir`, or creates one there (valid ten years, RSA 2048 like IGC Santé). */
export async function ensureDemoTestAuthority(dir: string, now: Date = new Date()): Promise<TestAuthority> {
  const existing = await loadTestAuthority(dir);
  if (existing) return existing;
  const authority = await createTestAuthority({
    notBefore: new Date(now.getTime() - 24 * 60 * 60 * 1000),
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
  });
  writeTestAuthority(dir, await exportTestAuthority(authority));
  return authority;
}

/** A fresh authority in `dir`, replacing whatever was there: the Playwright server starts from scratch each run. */
export async function recreateTestAuthority(dir: string, now: Date = new Date()): Promise<TestAuthority> {
  rmSync(dir, { recursive: true, force: true });
  return ensureDemoTestAuthority(dir, now);
}

function writeTestAuthority(dir: string, stored: StoredTestAuthority): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // The key first and alone readable by its owner; the certificates are public.
  const key = path.join(dir, DEMO_TEST_AUTHORITY_FILES.issuingKey);
  writeFileSync(key, stored.issuingPrivateKeyPem, { mode: 0o600 });
  chmodSync(key, 0o600);
  writeFileSync(path.join(dir, DEMO_TEST_AUTHORITY_FILES.issuing), stored.issuingCertificatePem);
  // Written last: loadTestAuthority needs all three, so a half-written folder is recreated, never half-read.
  writeFileSync(path.join(dir, DEMO_TEST_AUTHORITY_FILES.root), stored.rootCertificatePem);
}

/**
 * Demo only: puts the root and issuing CA of the authority in `dir` (created when missing) into the TEST bundle,
 * unless that bundle already holds them. Returns how many were inserted.
 */
export async function seedDemoTestCaBundle(db: PrismaClient, dir: string): Promise<number> {
  const authority = await ensureDemoTestAuthority(dir);
  return seedCaCertificates(db, "TEST", [authority.root.der, authority.issuing.der]);
}
