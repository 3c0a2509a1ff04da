// Test-only: certificate revocation lists made by the real `openssl ca -gencrl`, as a CA operator would, so the
// portal's reader and nginx are checked against what OpenSSL produces rather than against our own encoder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pemBlocks } from "../certificates/pem";
import { privateKeyPem } from "./test-authority";

export interface OpensslCrlOptions {
  /** The CA's certificate (PEM) and private key. */
  caPem: string;
  caKey: CryptoKey;
  /** Serials (hex, with or without colons) of the revoked certificates. */
  revokedSerials?: readonly string[];
  lastUpdate: Date;
  nextUpdate: Date;
  crlNumber?: number;
}

export interface OpensslCrl {
  pem: string;
  der: Uint8Array<ArrayBuffer>;
}

// YYYYMMDDHHMMSSZ for -crl_lastupdate/-crl_nextupdate, YYMMDDHHMMSSZ in index.txt.
const generalized = (date: Date) => date.toISOString().replace(/[-:T]/g, "").replace(/\.\d{3}/, "");
const utc = (date: Date) => generalized(date).slice(2);

export async function opensslCrl(options: OpensslCrlOptions): Promise<OpensslCrl> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "ror-crl-"));
  try {
    const file = (name: string) => path.join(directory, name);
    writeFileSync(file("ca.pem"), options.caPem);
    writeFileSync(file("ca.key"), await privateKeyPem(options.caKey), { mode: 0o600 });
    const revokedAt = utc(new Date(options.lastUpdate.getTime() - 3600_000));
    const index = (options.revokedSerials ?? [])
      .map((serial) => `R\t${utc(options.nextUpdate)}\t${revokedAt}\t${serial.replace(/[^0-9a-fA-F]/g, "").toUpperCase()}\tunknown\t/CN=revoked\n`)
      .join("");
    writeFileSync(file("index.txt"), index);
    writeFileSync(file("crlnumber"), `${(options.crlNumber ?? 1).toString(16).padStart(2, "0").toUpperCase()}\n`);
    writeFileSync(
      file("openssl.cnf"),
      `[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = ${file("index.txt")}\ncrlnumber = ${file("crlnumber")}\ndefault_md = sha256\n`,
    );
    execFileSync(
      "openssl",
      [
        "ca", "-gencrl", "-batch", "-config", file("openssl.cnf"), "-cert", file("ca.pem"), "-keyfile", file("ca.key"),
        "-crl_lastupdate", generalized(options.lastUpdate), "-crl_nextupdate", generalized(options.nextUpdate), "-out", file("crl.pem"),
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    const pem = readFileSync(file("crl.pem"), "utf8");
    return { pem, der: pemBlocks(pem)[0]!.der! };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
