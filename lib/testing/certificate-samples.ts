// Test support: the two leaf certificates the X.509 tests read (an RSA one with every French name field, an EC one
// with characters that need escaping in a distinguished name), and the two ways to unwrap a certificate input.
import type { CertificateInputResult } from "../certificates/certificate-input";
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH } from "../certificates/certificate-usages";
import { issueTestCertificate, type TestAuthority } from "./test-authority";

export async function issueSampleLeaves(authority: TestAuthority, now: Date) {
  const rsaLeaf = await issueTestCertificate(authority, {
    commonName: "Agenda Santé, édition « Pro »",
    structureId: "373282932000074",
    organization: "Clinique Saint-Étienne",
    state: "Île-de-France",
    notBefore: now,
    notAfter: new Date("2029-03-01T09:59:59Z"),
    serialNumber: "00ff10203040",
  });
  const ecLeaf = await issueTestCertificate(authority, {
    commonName: "#Service + test; <démo> ",
    organization: " Éditeur",
    notBefore: new Date("2026-02-03T23:30:00Z"),
    notAfter: new Date("2027-02-03T23:30:00Z"),
    keyAlgorithm: "EC",
    extendedKeyUsages: [EKU_SERVER_AUTH, EKU_CLIENT_AUTH],
  });
  return { rsaLeaf, ecLeaf };
}

export function accepted(result: CertificateInputResult) {
  if (!result.ok) throw new Error(`Refused: ${result.error}`);
  return result;
}

export function refusal(result: CertificateInputResult): string {
  if (result.ok) throw new Error("Accepted");
  return result.error;
}
