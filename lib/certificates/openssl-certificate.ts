// Node's X509Certificate (OpenSSL) costs about 0.3 ms to build, ten times everything else in checking an upload,
// and one upload is parsed by the input reader, the facts and the chain check, while the CA bundle is the same on
// every upload. Parsed certificates are immutable, so keeping the last few by their exact bytes is safe.
import { X509Certificate } from "node:crypto";

const MAX_ENTRIES = 64;
const parsed = new Map<string, X509Certificate>();

/** Parses DER with OpenSSL, reusing a recent parse of the same bytes. Throws on what OpenSSL cannot read. */
export function opensslCertificate(der: Uint8Array): X509Certificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString("base64");
  const cached = parsed.get(key);
  if (cached) {
    // Map keeps insertion order: re-inserting makes this the most recently used entry.
    parsed.delete(key);
    parsed.set(key, cached);
    return cached;
  }
  const certificate = new X509Certificate(der);
  parsed.set(key, certificate);
  if (parsed.size > MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
  return certificate;
}
