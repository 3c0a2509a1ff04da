import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { opensslCertificate } from "./openssl-certificate";

const root = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/igc-sante/AC-RACINE-IGC-SANTE-ELEMENTAIRE.cer"));

it("parses the same bytes once, whatever array holds them, and refuses what OpenSSL cannot read", () => {
  const first = opensslCertificate(new Uint8Array(root));
  const padded = new Uint8Array(root.length + 10);
  padded.set(root, 5);
  expect(opensslCertificate(padded.subarray(5, 5 + root.length))).toBe(first);
  expect(first.subject).toContain("CN=AC RACINE IGC-SANTE ELEMENTAIRE");
  expect(() => opensslCertificate(new Uint8Array([0x30, 0x00]))).toThrow();
});
