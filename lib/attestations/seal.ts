// Seals a finished PDF with the platform's certificate: a PAdES baseline signature (SubFilter ETSI.CAdES.detached)
// over the whole file except the /Contents hole. @signpdf places the signature dictionary and computes the
// ByteRange; the CMS is built here with pkijs because PAdES needs the signing-certificate-v2 attribute and forbids
// the CMS signing-time attribute (the claimed time is the dictionary's /M), which @signpdf/signer-p12 does not do.
import { createHash } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import * as asn1js from "asn1js";
import forge from "node-forge";
import * as pkijs from "pkijs";
import { PDFDocument } from "pdf-lib";

export type SealCredentials = { p12: Uint8Array; passphrase: string };

export interface SealOptions {
  /** The claimed signing time, written in the signature dictionary's /M (never read from the clock here). */
  signingTime: Date;
  reason: string;
  location: string;
  contactInfo?: string;
  /** The signer's name as shown by PDF readers. */
  name: string;
}

export const OID_DATA = "1.2.840.113549.1.7.1";
export const OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
export const OID_CONTENT_TYPE = "1.2.840.113549.1.9.3";
export const OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
export const OID_SIGNING_TIME = "1.2.840.113549.1.9.5";
export const OID_SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";

/** Room for the CMS in the PDF (bytes): an RSA-4096 signature and a short chain fit comfortably. */
const SIGNATURE_LENGTH = 12_288;

export class SealCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealCredentialsError";
  }
}

export interface OpenedSealCredentials {
  privateKey: CryptoKey;
  certificateDer: Uint8Array;
  /** Other certificates of the P12 (issuing CAs), embedded in the CMS to help readers build the chain. */
  chainDer: Uint8Array[];
}

function binaryStringToBytes(binary: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

// Decrypting a P12 costs a key derivation; the same credentials are opened once per process.
const opened = new WeakMap<Uint8Array, Map<string, Promise<OpenedSealCredentials>>>();

/** Opens a PKCS#12: the private key (as a non-extractable WebCrypto key) and the certificate that matches it. */
export function openSealCredentials(credentials: SealCredentials): Promise<OpenedSealCredentials> {
  let byPassphrase = opened.get(credentials.p12);
  if (!byPassphrase) {
    byPassphrase = new Map();
    opened.set(credentials.p12, byPassphrase);
  }
  let result = byPassphrase.get(credentials.passphrase);
  if (!result) {
    result = doOpenSealCredentials(credentials);
    byPassphrase.set(credentials.passphrase, result);
    result.catch(() => byPassphrase.delete(credentials.passphrase));
  }
  return result;
}

async function doOpenSealCredentials(credentials: SealCredentials): Promise<OpenedSealCredentials> {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(credentials.p12).toString("binary")));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, credentials.passphrase);
  } catch (error) {
    throw new SealCredentialsError(
      `Fichier PKCS#12 du cachet illisible ou phrase de passe incorrecte / unreadable seal PKCS#12 or wrong passphrase (${(error as Error).message})`,
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SealCredentialsError("Aucune clé privée dans le PKCS#12 du cachet / no private key in the seal PKCS#12");
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const matches = (cert: forge.pki.Certificate) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  };
  const signerCertificate = certificates.find(matches);
  if (!signerCertificate) {
    throw new SealCredentialsError(
      "Aucun certificat du PKCS#12 ne correspond à la clé privée / no certificate matches the private key",
    );
  }
  const der = (cert: forge.pki.Certificate) =>
    binaryStringToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
  const pkcs8 = binaryStringToBytes(
    forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes(),
  );
  const privateKey = await globalThis.crypto.subtle.importKey(
    "pkcs8",
    pkcs8,
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return {
    privateKey,
    certificateDer: der(signerCertificate),
    chainDer: certificates.filter((cert) => cert !== signerCertificate).map(der),
  };
}

/** The DER certificate of the seal, e.g. to trust it when verifying. */
export async function sealCertificateDer(credentials: SealCredentials): Promise<Uint8Array> {
  return (await openSealCredentials(credentials)).certificateDer;
}

function sha256(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(createHash("sha256").update(bytes).digest());
}

/** Builds the detached CAdES (CMS SignedData) over `content`: contentType, messageDigest, signing-certificate-v2. */
export async function buildCadesSignature(content: Uint8Array, credentials: OpenedSealCredentials): Promise<Uint8Array> {
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(credentials.certificateDer));
  const chain = credentials.chainDer.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));

  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so omitted), certHash, issuerSerial }
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      certificate.serialNumber,
    ],
  });
  const signingCertificateV2 = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.OctetString({ valueHex: sha256(credentials.certificateDer) }), issuerSerial],
          }),
        ],
      }),
    ],
  });

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    certificates: [certificate, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
            new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
            new pkijs.Attribute({ type: OID_SIGNING_CERTIFICATE_V2, values: [signingCertificateV2] }),
          ],
        }),
      }),
    ],
  });
  await signedData.sign(credentials.privateKey, 0, "SHA-256");
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

class CadesSigner extends Signer {
  constructor(private readonly credentials: OpenedSealCredentials) {
    super();
  }

  async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await buildCadesSignature(pdfBuffer, this.credentials));
  }
}

/** Returns a copy of `pdf` carrying one PAdES seal (invisible signature field on the first page). */
export async function sealPdf(pdf: Uint8Array, credentials: SealCredentials, options: SealOptions): Promise<Uint8Array> {
  const opened = await openSealCredentials(credentials);
  // updateMetadata: false keeps the producer and dates as rendered (no clock read, same bytes for the same input).
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: options.reason,
    contactInfo: options.contactInfo ?? "",
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const withPlaceholder = await document.save({ useObjectStreams: false });
  const sealed = await new SignPdf().sign(Buffer.from(withPlaceholder), new CadesSigner(opened), options.signingTime);
  return new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}
