import { beforeAll, describe, expect, it } from "vitest";
import { opensslCrl, type OpensslCrl } from "../testing/openssl-crl";
import { createTestAuthority, issueTestCertificate, type TestAuthority, type TestLeaf } from "../testing/test-authority";
import { certificateFacts } from "./certificate-facts";
import {
  CRL_ERRORS,
  CRL_NGINX_MARGIN_MS,
  freshnessSentence,
  isNotYetValid,
  isSignedBy,
  newlyRevoked,
  nginxRevocationLists,
  readRevocationList,
  revocationListFreshness,
  serialKey,
} from "./revocation-list";

const now = new Date("2026-12-02T10:00:00Z");
const validity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };
const HOUR = 3600_000;
let authority: TestAuthority;
let other: TestAuthority;
let revokedLeaf: TestLeaf;
let keptLeaf: TestLeaf;
let crl: OpensslCrl;

beforeAll(async () => {
  [authority, other] = await Promise.all([
    createTestAuthority({ ...validity, keyAlgorithm: "EC" }),
    createTestAuthority({ ...validity, keyAlgorithm: "EC" }),
  ]);
  [revokedLeaf, keptLeaf] = await Promise.all([
    issueTestCertificate(authority, { ...validity, commonName: "Révoqué", keyAlgorithm: "EC", serialNumber: "00ab01" }),
    issueTestCertificate(authority, { ...validity, commonName: "Gardé", keyAlgorithm: "EC", serialNumber: "0c02" }),
  ]);
  crl = await opensslCrl({
    caPem: authority.issuing.pem,
    caKey: authority.issuing.privateKey,
    revokedSerials: [certificateFacts(revokedLeaf.der).serialNumber, "7F"],
    lastUpdate: new Date(now.getTime() - HOUR),
    nextUpdate: new Date(now.getTime() + 7 * 24 * HOUR),
    crlNumber: 4660,
  });
});

describe("reading a revocation list", () => {
  it("reads openssl's CRL, PEM or DER, into its facts", () => {
    const pem = readRevocationList(new TextEncoder().encode(crl.pem));
    const der = readRevocationList(crl.der);
    expect(pem.ok && der.ok).toBe(true);
    if (!pem.ok || !der.ok) return;
    expect(pem.facts).toEqual(der.facts);
    expect(der.facts.issuerDn).toBe(certificateFacts(authority.issuing.der).subjectDn);
    expect(der.facts.thisUpdate).toEqual(new Date(now.getTime() - HOUR));
    expect(der.facts.nextUpdate).toEqual(new Date(now.getTime() + 7 * 24 * HOUR));
    expect(der.facts.crlNumber).toBe("4660");
    expect(der.facts.revoked.map((r) => r.serial).sort()).toEqual(["7F", "AB01"]);
    expect(der.facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses garbage, a truncated list, trailing bytes and another PEM object, in French", () => {
    expect(readRevocationList(new TextEncoder().encode("bonjour"))).toEqual({ ok: false, error: CRL_ERRORS.unreadable });
    expect(readRevocationList(crl.der.subarray(0, crl.der.length - 10))).toEqual({ ok: false, error: CRL_ERRORS.unreadable });
    expect(readRevocationList(new Uint8Array([...crl.der, 0]))).toEqual({ ok: false, error: CRL_ERRORS.unreadable });
    expect(readRevocationList(authority.issuing.der)).toEqual({ ok: false, error: CRL_ERRORS.unreadable });
    expect(readRevocationList(new TextEncoder().encode(authority.issuing.pem))).toEqual({ ok: false, error: CRL_ERRORS.notACrl("CERTIFICATE") });
    expect(readRevocationList(new Uint8Array())).toEqual({ ok: false, error: CRL_ERRORS.missing });
  });

  it("checks the signature against the CA it is uploaded for", async () => {
    const read = readRevocationList(crl.der);
    if (!read.ok) throw new Error(read.error);
    expect(await isSignedBy(read.list, authority.issuing.der)).toBe(true);
    // Same name, another key; another name; not a certificate at all.
    expect(await isSignedBy(read.list, other.issuing.der)).toBe(false);
    expect(await isSignedBy(read.list, authority.root.der)).toBe(false);
    expect(await isSignedBy(read.list, new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describe("the staleness policy", () => {
  const list = (hoursLeft: number) => ({ thisUpdate: new Date(now.getTime() - 24 * HOUR), nextUpdate: new Date(now.getTime() + hoursLeft * HOUR) });

  it("is current, stale soon in the 48 hours before nextUpdate, stale after", () => {
    expect(revocationListFreshness(list(49), now)).toBe("current");
    expect(revocationListFreshness(list(48), now)).toBe("stale_soon");
    expect(revocationListFreshness(list(1), now)).toBe("stale_soon");
    expect(revocationListFreshness(list(0), now)).toBe("stale");
    expect(revocationListFreshness(list(-5), now)).toBe("stale");
  });

  it("says it in French with Paris dates", () => {
    expect(freshnessSentence(null, now)).toMatch(/^Aucune liste de révocation/);
    expect(freshnessSentence(list(72), now)).toBe("Publiée le 1 décembre 2026 à 11:00, prochaine mise à jour le 5 décembre 2026 à 11:00.");
    expect(freshnessSentence(list(-1), now)).toMatch(/Elle est périmée : déposez la liste actuelle/);
    expect(freshnessSentence(list(24), now)).toMatch(/Elle sera périmée le 3 décembre 2026/);
  });

  it("refuses a list from the future beyond a few minutes of clock difference", () => {
    expect(isNotYetValid({ thisUpdate: new Date(now.getTime() + 60_000) }, now)).toBe(false);
    expect(isNotYetValid({ thisUpdate: new Date(now.getTime() + HOUR) }, now)).toBe(true);
  });
});

describe("what a list revokes", () => {
  it("finds the registered certificates by serial, whatever the leading zeros and colons, once", () => {
    const read = readRevocationList(crl.der);
    if (!read.ok) throw new Error(read.error);
    const registered = [
      { id: "a", serialNumber: certificateFacts(revokedLeaf.der).serialNumber, revokedAt: null },
      { id: "b", serialNumber: certificateFacts(keptLeaf.der).serialNumber, revokedAt: null },
      { id: "c", serialNumber: "00:7F", revokedAt: new Date() },
    ];
    const found = newlyRevoked(registered, read.facts.revoked);
    expect(found.map((f) => f.certificate.id)).toEqual(["a"]);
    expect(found[0]!.revocationDate).toEqual(new Date(now.getTime() - 2 * HOUR));
    expect(serialKey("00:0A:FF")).toBe("AFF");
    expect(serialKey(new Uint8Array([0, 0]))).toBe("0");
  });
});

describe("whether nginx gets ssl_crl", () => {
  const der = new Uint8Array([1]);
  const lists = (entries: [string, number][]) => new Map(entries.map(([id, minutes]) => [id, { der, nextUpdate: new Date(now.getTime() + minutes * 60_000) }]));

  it("only when every active CA of the bundle has a list valid beyond the margin", () => {
    const margin = CRL_NGINX_MARGIN_MS / 60_000;
    expect(nginxRevocationLists([{ id: "root" }, { id: "issuing" }], lists([["root", 600], ["issuing", 600]]), now)).toEqual([der, der]);
    expect(nginxRevocationLists([{ id: "root" }, { id: "issuing" }], lists([["issuing", 600]]), now)).toBeNull();
    expect(nginxRevocationLists([{ id: "root" }, { id: "issuing" }], lists([["root", 600], ["issuing", margin]]), now)).toBeNull();
    expect(nginxRevocationLists([], new Map(), now)).toBeNull();
  });
});
