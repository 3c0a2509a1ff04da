// A certification authority imitating IGC Santé's test chain, for unit tests and the development seed. The real
// test chain's keys are ANS's; here the portal gets a root and an issuing CA with the same names, so demo
// client certificates behave like real ones in every check (names, usages, signatures, dates).
import { EKU_CLIENT_AUTH } from "../certificates/certificate-usages";
import { children, DerTag, expectTag, readNode, readOid } from "../certificates/der";
import { decodeBase64, pemBlocks, pemEncode } from "../certificates/pem";
import * as x509 from "../certificates/peculiar-x509";

export const TEST_ROOT_CA_COMMON_NAME = "TEST AC RACINE IGC-SANTE ELEMENTAIRE";
export const TEST_ISSUING_CA_COMMON_NAME = "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS";

export type TestKeyAlgorithm = "RSA" | "EC";

export interface TestCertificate {
  der: Uint8Array<ArrayBuffer>;
  pem: string;
}

export interface TestAuthority {
  /** The root's key is kept only by createTestAuthority (for revocation lists in tests), never stored. */
  root: TestCertificate & { privateKey?: CryptoKey };
  issuing: TestCertificate & { privateKey: CryptoKey };
}

export interface TestLeaf extends TestCertificate {
  keys: CryptoKeyPair;
}

export interface TestValidity {
  notBefore: Date;
  notAfter: Date;
}

export interface TestAuthorityOptions extends TestValidity {
  /** RSA 2048 by default, like IGC Santé; EC P-256 is much faster to generate when a test does not care. */
  keyAlgorithm?: TestKeyAlgorithm;
  /** The issuing CA's own validity, when it must differ from the root's (an expired intermediate). */
  issuingValidity?: TestValidity;
  rootCommonName?: string;
  issuingCommonName?: string;
}

export interface TestLeafOptions extends TestValidity {
  commonName: string;
  /** The OU carrying the national structure id: "3" + SIRET, "2" + SIREN or "1" + FINESS. */
  structureId?: string | null;
  organization?: string | null;
  state?: string | null;
  country?: string;
  /** OIDs; client authentication by default, [] for no extendedKeyUsage extension at all. */
  extendedKeyUsages?: string[];
  /** Issue a CA certificate instead of an end-entity one. */
  isCa?: boolean;
  keyAlgorithm?: TestKeyAlgorithm;
  /** Reuse a key pair: RSA generation takes tens of milliseconds. */
  keys?: CryptoKeyPair;
  /** Hexadecimal; random when absent. */
  serialNumber?: string;
}

/** What the seed stores so that a demo client certificate can be issued later from the same CA. */
export interface StoredTestAuthority {
  rootCertificatePem: string;
  issuingCertificatePem: string;
  /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). */
  issuingPrivateKeyPem: string;
}

const crypto = globalThis.crypto;

const RSA_KEY: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
};
const EC_KEY: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };

const OID_RSA = "1.2.840.113549.1.1.1";
const OID_EC = "1.2.840.10045.2.1";
const EC_CURVES: Record<string, string> = {
  "1.2.840.10045.3.1.7": "P-256",
  "1.3.132.0.34": "P-384",
  "1.3.132.0.35": "P-521",
};

export async function generateTestKeys(algorithm: TestKeyAlgorithm = "RSA"): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(algorithm === "RSA" ? RSA_KEY : EC_KEY, true, ["sign", "verify"]);
}

export async function createTestAuthority(options: TestAuthorityOptions): Promise<TestAuthority> {
  const [rootKeys, issuingKeys] = await Promise.all([
    generateTestKeys(options.keyAlgorithm),
    generateTestKeys(options.keyAlgorithm),
  ]);
  const rootName = caName(options.rootCommonName ?? TEST_ROOT_CA_COMMON_NAME);
  const root = await x509.X509CertificateGenerator.create(
    {
      subject: rootName,
      issuer: rootName,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      publicKey: rootKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: signingAlgorithm(rootKeys.privateKey),
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const issuingValidity = options.issuingValidity ?? options;
  const issuing = await x509.X509CertificateGenerator.create(
    {
      subject: caName(options.issuingCommonName ?? TEST_ISSUING_CA_COMMON_NAME),
      issuer: rootName,
      notBefore: issuingValidity.notBefore,
      notAfter: issuingValidity.notAfter,
      publicKey: issuingKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: signingAlgorithm(rootKeys.privateKey),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return {
    root: { ...testCertificate(root), privateKey: rootKeys.privateKey },
    issuing: { ...testCertificate(issuing), privateKey: issuingKeys.privateKey },
  };
}

export async function issueTestCertificate(authority: TestAuthority, options: TestLeafOptions): Promise<TestLeaf> {
  const keys = options.keys ?? (await generateTestKeys(options.keyAlgorithm));
  const issuer = new x509.X509Certificate(authority.issuing.der);
  const usages = options.extendedKeyUsages ?? [EKU_CLIENT_AUTH];
  const extensions: x509.Extension[] = options.isCa
    ? [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ]
    : [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      ];
  if (usages.length > 0) extensions.push(new x509.ExtendedKeyUsageExtension(usages, false));
  extensions.push(
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey, false, crypto),
  );
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: options.serialNumber,
      subject: leafName(options),
      issuer: issuer.subjectName,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      publicKey: keys.publicKey,
      signingKey: authority.issuing.privateKey,
      signingAlgorithm: signingAlgorithm(authority.issuing.privateKey),
      extensions,
    },
    crypto,
  );
  return { ...testCertificate(certificate), keys };
}

export async function privateKeyPem(key: CryptoKey): Promise<string> {
  return pemEncode(new Uint8Array(await crypto.subtle.exportKey("pkcs8", key)), "PRIVATE KEY");
}

export async function exportTestAuthority(authority: TestAuthority): Promise<StoredTestAuthority> {
  return {
    rootCertificatePem: authority.root.pem,
    issuingCertificatePem: authority.issuing.pem,
    issuingPrivateKeyPem: await privateKeyPem(authority.issuing.privateKey),
  };
}

export async function importTestAuthority(stored: StoredTestAuthority): Promise<TestAuthority> {
  return {
    root: certificateFromPem(stored.rootCertificatePem),
    issuing: { ...certificateFromPem(stored.issuingCertificatePem), privateKey: await importSigningKey(stored.issuingPrivateKeyPem) },
  };
}

// Encoding order C, O, OU, CN: displayed most specific first, "CN=..., OU=IGC-SANTE TEST, O=ASIP-SANTE, C=FR".
function caName(commonName: string): x509.Name {
  return distinguishedName([
    ["C", "FR"],
    ["O", "ASIP-SANTE"],
    ["OU", "IGC-SANTE TEST"],
    ["CN", commonName],
  ]);
}

// Encoding order C, ST, O, OU, CN, as IGC Santé's organisation certificates.
function leafName(options: TestLeafOptions): x509.Name {
  const attributes: [string, string][] = [["C", options.country ?? "FR"]];
  if (options.state) attributes.push(["ST", options.state]);
  if (options.organization) attributes.push(["O", options.organization]);
  if (options.structureId) attributes.push(["OU", options.structureId]);
  attributes.push(["CN", options.commonName]);
  return distinguishedName(attributes);
}

// Explicit string types: given plain strings, the library would read a leading '#' as hex and drop backslashes.
function distinguishedName(attributes: [string, string][]): x509.Name {
  return new x509.Name(
    attributes.map(([type, value]) => ({
      [type]: [/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value) ? { printableString: value } : { utf8String: value }],
    })),
  );
}

function signingAlgorithm(key: CryptoKey): Algorithm | EcdsaParams {
  return key.algorithm.name === "ECDSA" ? { name: "ECDSA", hash: "SHA-256" } : { name: key.algorithm.name };
}

function testCertificate(certificate: x509.X509Certificate): TestCertificate {
  const der = new Uint8Array(certificate.rawData);
  return { der, pem: pemEncode(der, "CERTIFICATE") };
}

function certificateFromPem(pem: string): TestCertificate {
  const der = pemBlocks(pem).find((block) => block.label === "CERTIFICATE")?.der;
  if (!der) throw new Error("Test authority: no certificate in the stored PEM");
  return { der, pem: pemEncode(der, "CERTIFICATE") };
}

async function importSigningKey(pem: string): Promise<CryptoKey> {
  const block = pemBlocks(pem).find((b) => b.label === "PRIVATE KEY");
  const der = block?.der ?? decodeBase64(pem);
  if (!der) throw new Error("Test authority: no PKCS#8 private key in the stored PEM");
  // PrivateKeyInfo: version, AlgorithmIdentifier { algorithm, parameters }, privateKey.
  const algorithm = children(expectTag(children(readNode(der))[1], DerTag.sequence, "an AlgorithmIdentifier"));
  const oid = readOid(algorithm[0]!);
  if (oid === OID_RSA) return crypto.subtle.importKey("pkcs8", der, RSA_KEY, true, ["sign"]);
  const curve = oid === OID_EC && algorithm[1]?.tag === DerTag.oid ? EC_CURVES[readOid(algorithm[1])] : undefined;
  if (curve) return crypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: curve }, true, ["sign"]);
  throw new Error(`Test authority: unsupported private key algorithm ${oid}`);
}
