import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sealCertificateDer } from "../attestations/seal";
import { ensureLocalPlatformSeal, LOCAL_SEAL_FILES, testPlatformSealEnv } from "./local-seal";

const dir = mkdtempSync(path.join(os.tmpdir(), "ror-local-seal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ensureLocalPlatformSeal", () => {
  it("creates a private P12 on first start and reuses it afterwards", async () => {
    const first = await ensureLocalPlatformSeal(dir, new Date("2026-01-01T00:00:00Z"));
    expect(first.created).toBe(true);
    expect(statSync(first.p12Path).mode & 0o777).toBe(0o600);
    const p12 = Uint8Array.from(readFileSync(first.p12Path));
    const certificate = await sealCertificateDer({ p12, passphrase: first.passphrase });
    expect(readFileSync(path.join(dir, LOCAL_SEAL_FILES.certificate), "utf8")).toContain(
      Buffer.from(certificate).toString("base64").slice(0, 64),
    );

    const second = await ensureLocalPlatformSeal(dir, new Date("2027-01-01T00:00:00Z"));
    expect(second).toEqual({ ...first, created: false });
    expect(Buffer.from(readFileSync(second.p12Path)).equals(Buffer.from(p12))).toBe(true);
  });
});

describe("testPlatformSealEnv", () => {
  it("gives environment variables that open as seal credentials", async () => {
    const env = await testPlatformSealEnv(new Date("2026-01-01T00:00:00Z"));
    const p12 = Uint8Array.from(Buffer.from(env.SEAL_P12_BASE64, "base64"));
    expect((await sealCertificateDer({ p12, passphrase: env.SEAL_P12_PASSPHRASE })).length).toBeGreaterThan(500);
  });
});
