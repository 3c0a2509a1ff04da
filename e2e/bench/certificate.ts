// Time to read, parse and check one uploaded client certificate (RSA 2048 leaf under a two-level CA bundle, as
// IGC Santé issues them): the work done on every upload. Target: under 5 ms median.
// Every iteration checks a different certificate, so only the CA bundle is already parsed, as in production.
// Usage: npx tsx e2e/bench/certificate.ts
import { readCertificateInput } from "../../lib/certificates/certificate-input";
import { certificateFacts } from "../../lib/certificates/certificate-facts";
import { checkCertificate, type CertificateCheckContext } from "../../lib/certificates/certificate-policy";
import { createTestAuthority, generateTestKeys, issueTestCertificate } from "../../lib/testing/test-authority";

const WARM_UP = 100;
const ITERATIONS = 500;
const now = new Date("2026-03-01T10:00:00Z");

async function main() {
  const [authority, keys] = await Promise.all([
    createTestAuthority({ notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") }),
    generateTestKeys("RSA"),
  ]);
  const uploads: Uint8Array[] = [];
  for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
    const leaf = await issueTestCertificate(authority, {
      commonName: `Agenda Santé ${i}`,
      structureId: "373282932000074",
      organization: "Éditeur Démo",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2029-01-01T00:00:00Z"),
      keys,
    });
    uploads.push(new TextEncoder().encode(leaf.pem));
  }
  const context: CertificateCheckContext = {
    now,
    caBundle: [{ der: authority.issuing.der }, { der: authority.root.der }],
    organization: { siret: "73282932000074" },
    fingerprintsOfOtherActiveServices: new Set(["00:11:22"]),
  };

  async function once(upload: Uint8Array): Promise<number> {
    const started = performance.now();
    const input = readCertificateInput({ bytes: upload });
    if (!input.ok) throw new Error(input.error);
    const facts = certificateFacts(input.der);
    const report = await checkCertificate(facts, input.der, context);
    if (report.verdict !== "ok") throw new Error(`Unexpected verdict ${report.verdict}`);
    return performance.now() - started;
  }

  for (const upload of uploads.slice(0, WARM_UP)) await once(upload);
  const times: number[] = [];
  for (const upload of uploads.slice(WARM_UP)) times.push(await once(upload));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(`read + parse + check one certificate, ${ITERATIONS} iterations after ${WARM_UP} warm-up:`);
  console.log(`  median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms (target: median under 5 ms)`);
}

await main();
