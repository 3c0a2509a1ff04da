// A real HTTPS webhook receiver for the tests and the benchmark, on loopback, with a self-signed certificate made here
// (for localhost, 127.0.0.1, ::1 and any extra names), that verifies each message's Standard Webhooks signature with
// the `standardwebhooks` package and answers as scripted: a status code, a long body, a redirect, or nothing at all
// (it hangs until closed).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import os from "node:os";
import path from "node:path";
import type { IncomingHttpHeaders } from "node:http";
import type { Duplex } from "node:stream";
import { Webhook } from "standardwebhooks";
import * as x509 from "../certificates/peculiar-x509";
import { privateKeyPem } from "./test-authority";

export type ReceivedWebhook = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of `secrets` verified the signature (index), or null when none did. */
  verifiedWith: number | null;
  receivedAt: number;
  /** The name the client asked for in TLS (SNI). */
  servername: string | null;
};

/** What the receiver does with the next request: a status, a status with a body, a redirect, or hang. */
export type Answer = number | "hang" | { status: number; body?: string; headers?: Record<string, string> };

export type ReceiverCertificate = { certPem: string; keyPem: string };

export type WebhookReceiver = {
  port: number;
  /** The certificate to trust (`ca` of the delivery, NODE_EXTRA_CA_CERTS of a worker). */
  certPem: string;
  url: (path?: string, host?: string) => string;
  /** Secrets signatures are checked against, in order. */
  secrets: string[];
  /** Answers for the next requests, consumed in order; `fallback` when empty. */
  script: Answer[];
  /** The same, for the requests to one path only (taken before `script`). */
  scripts: Record<string, Answer[]>;
  fallback: Answer;
  received: ReceivedWebhook[];
  /** Resolves at the next request (after it is recorded). */
  next: () => Promise<ReceivedWebhook>;
  close: () => Promise<void>;
};

/** A self-signed server certificate (EC P-256, a day either side of now). */
export async function receiverCertificate(names: readonly string[] = []): Promise<ReceiverCertificate> {
  const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const now = Date.now();
  const serial = Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString("hex").replace(/^[89a-f]/, "1");
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial,
      // A name of its own: OpenSSL finds a trusted certificate by its subject, so two receivers must not share one.
      name: `CN=Récepteur de webhooks de test ${serial}`,
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 86_400_000),
      keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension(["1.3.6.1.5.5.7.3.1"], false),
        new x509.SubjectAlternativeNameExtension([
          { type: "dns", value: "localhost" },
          ...names.map((value) => ({ type: "dns" as const, value })),
          { type: "ip", value: "127.0.0.1" },
          { type: "ip", value: "::1" },
        ]),
      ],
    },
    crypto,
  );
  return { certPem: certificate.toString("pem"), keyPem: await privateKeyPem(keys.privateKey) };
}

export async function startWebhookReceiver(options: { certificate?: ReceiverCertificate; names?: string[]; host?: string } = {}): Promise<WebhookReceiver> {
  const certificate = options.certificate ?? (await receiverCertificate(options.names));
  const sockets = new Set<Duplex>();
  const waiting: ((r: ReceivedWebhook) => void)[] = [];
  const receiver: WebhookReceiver = {
    port: 0,
    certPem: certificate.certPem,
    url: (path = "/webhooks", host = "localhost") => `https://${host}:${receiver.port}${path}`,
    secrets: [],
    script: [],
    scripts: {},
    fallback: 200,
    received: [],
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const verifiedWith = receiver.secrets.findIndex((secret) => {
        try {
          new Webhook(secret).verify(body, request.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      const servername = (request.socket as { servername?: string | false }).servername;
      const received: ReceivedWebhook = {
        path: request.url ?? "",
        headers: request.headers,
        body,
        verifiedWith: verifiedWith === -1 ? null : verifiedWith,
        receivedAt: Date.now(),
        servername: typeof servername === "string" ? servername : null,
      };
      receiver.received.push(received);
      for (const resolve of waiting.splice(0)) resolve(received);
      const answer = receiver.scripts[received.path]?.shift() ?? receiver.script.shift() ?? receiver.fallback;
      if (answer === "hang") return;
      const spec = typeof answer === "number" ? { status: answer } : answer;
      response.writeHead(spec.status, { "content-type": "text/plain; charset=utf-8", ...spec.headers });
      response.end(spec.body ?? (spec.status < 300 ? "reçu" : "refusé"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? "127.0.0.1", resolve));
  receiver.port = (server.address() as { port: number }).port;
  return receiver;
}

const CERT_FILE = "receiver.crt.pem";
const KEY_FILE = "receiver.key.pem";

/**
 * Where the Playwright server of `port` keeps the e2e receiver's certificate: it makes one per run and gives it to its
 * worker as NODE_EXTRA_CA_CERTS; the specs, in other processes, load it from here to run the receiver.
 */
export function e2eWebhookReceiverDir(port: string | number): string {
  return path.join(os.tmpdir(), `ror-e2e-webhook-receiver-${port}`);
}

/** A fresh certificate in `dir` (the key readable by its owner only); returns the certificate file's path. */
export async function recreateReceiverCertificate(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certificate = await receiverCertificate();
  writeFileSync(path.join(dir, KEY_FILE), certificate.keyPem, { mode: 0o600 });
  writeFileSync(path.join(dir, CERT_FILE), certificate.certPem);
  return path.join(dir, CERT_FILE);
}

export function loadReceiverCertificate(dir: string): ReceiverCertificate {
  return { certPem: readFileSync(path.join(dir, CERT_FILE), "utf8"), keyPem: readFileSync(path.join(dir, KEY_FILE), "utf8") };
}
