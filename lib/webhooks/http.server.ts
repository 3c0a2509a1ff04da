import "server-only";
// One HTTPS POST to a receiver, with the SSRF rules of ADR 0033: the host is resolved by our own lookup, every address
// it gives must be public, and the socket connects to one of exactly those addresses (a pinned lookup), presenting
// the URL's name in Host and SNI; the address actually connected to is checked again before anything is sent over
// HTTP. No redirect is followed, at most 64 KiB of the answer are read, and the whole exchange stops after 10 s.
import dns from "node:dns";
import https from "node:https";
import type { LookupFunction, Socket } from "node:net";
import { performance } from "node:perf_hooks";
import type { SignedHeaders } from "./signature";
import { addressesRefusal, addressRefusal, URL_MESSAGES, type AddressPolicy, type ParsedWebhookUrl } from "./url-rules";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Characters of the answer kept in the delivery log. */
export const EXCERPT_CHARS = 1000;
export const USER_AGENT = "ROR-Espace-de-confiance-Webhooks/1.0";

export type ResolvedAddress = { address: string; family: number };
/** Name → addresses. The system's resolver by default; tests give names of their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, order: "verbatim" });

export type NetworkConfig = {
  policy: AddressPolicy;
  resolve?: Resolver;
  timeoutMs?: number;
  /** Trusted CA certificates instead of Node's (tests: the receiver's self-signed certificate). */
  ca?: string | string[];
};

export type HttpOutcome = {
  statusCode: number | null;
  durationMs: number;
  /** In French, for the delivery log; null on a 2xx answer. */
  error: string | null;
  excerpt: string | null;
  /** The address the socket connected to. */
  remoteAddress: string | null;
};

class AddressRefused extends Error {}
class Timeout extends Error {}

type UrlOk = Extract<ParsedWebhookUrl, { ok: true }>;

async function resolveChecked(hostname: string, config: NetworkConfig): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await (config.resolve ?? systemResolver)(hostname);
  } catch {
    throw new AddressRefused(URL_MESSAGES.unresolved(hostname));
  }
  const refused = addressesRefusal(hostname, addresses.map((a) => a.address), config.policy);
  if (refused) throw new AddressRefused(refused);
  return addresses;
}

/** At save time: null when the URL's host resolves, and only to addresses the policy allows; else why not. */
export async function hostRefusal(url: UrlOk, config: NetworkConfig): Promise<string | null> {
  if (url.ipLiteral) return addressRefusal(url.ipLiteral, config.policy);
  try {
    await resolveChecked(url.hostname, config);
    return null;
  } catch (error) {
    if (error instanceof AddressRefused) return error.message;
    throw error;
  }
}

/** The socket's lookup: our resolution, checked, and nothing else to connect to. */
function pinnedLookup(config: NetworkConfig): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, config).then(
      (resolved) => {
        const addresses = options.family === 4 || options.family === 6 ? resolved.filter((a) => a.family === options.family) : resolved;
        if (addresses.length === 0) {
          callback(Object.assign(new AddressRefused(URL_MESSAGES.unresolved(hostname)), { code: "ENOTFOUND" }), "", 0);
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: Error) => callback(error, "", 0),
    );
  };
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof AddressRefused) return error.message;
  if (error instanceof Timeout) return `Pas de réponse complète en ${(timeoutMs / 1000).toLocaleString("fr-FR")} s : envoi interrompu.`;
  const code = (error as { code?: unknown } | null)?.code;
  const text = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return "Connexion refusée par le récepteur (ECONNREFUSED).";
  if (code === "ECONNRESET" || code === "EPIPE") return `Connexion interrompue par le récepteur (${text}).`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Nom d'hôte introuvable (${text}).`;
  if (typeof code === "string" && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO|ALTNAME/.test(code)) return `Certificat TLS du récepteur refusé (${text}).`;
  return `Erreur réseau (${text}).`;
}

function excerptOf(chunks: Buffer[]): string | null {
  if (chunks.length === 0) return null;
  const text = Buffer.concat(chunks).toString("utf8").replace(/\u0000/g, "\uFFFD");
  return text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS)}…`;
}

/** One try. Never throws: every failure comes back as an outcome for the delivery log. */
export function postWebhook(url: UrlOk, headers: SignedHeaders, body: string, config: NetworkConfig): Promise<HttpOutcome> {
  const timeoutMs = config.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  if (url.ipLiteral) {
    const refused = addressRefusal(url.ipLiteral, config.policy);
    if (refused) return Promise.resolve({ statusCode: null, durationMs: 0, error: refused, excerpt: null, remoteAddress: null });
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let remoteAddress: string | null = null;
    let settled = false;
    const chunks: Buffer[] = [];
    const finish = (outcome: Omit<HttpOutcome, "durationMs" | "remoteAddress">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed(), remoteAddress });
      request.destroy();
    };
    const fail = (error: unknown) => finish({ statusCode: null, error: describe(error, timeoutMs), excerpt: null });
    const request = https.request({
      method: "POST",
      hostname: url.ipLiteral ?? url.hostname,
      port: url.port,
      path: url.path,
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": USER_AGENT },
      // A fresh connection each time, to the address our lookup checked (a pooled socket could predate the check).
      agent: false,
      ...(url.ipLiteral ? {} : { lookup: pinnedLookup(config), servername: url.hostname }),
      ...(config.ca ? { ca: config.ca } : {}),
    });
    const timer = setTimeout(() => request.destroy(new Timeout()), timeoutMs);
    request.on("socket", (socket: Socket) => {
      socket.once("connect", () => {
        remoteAddress = socket.remoteAddress ?? null;
        const refused = remoteAddress === null ? URL_MESSAGES.unresolved(url.hostname) : addressRefusal(remoteAddress, config.policy);
        if (refused) request.destroy(new AddressRefused(refused));
      });
    });
    request.on("error", fail);
    request.on("response", (response) => {
      const statusCode = response.statusCode ?? null;
      let read = 0;
      const done = () => {
        const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
        const error = ok
          ? null
          : statusCode !== null && statusCode >= 300 && statusCode < 400
            ? `Redirection HTTP ${statusCode} non suivie : donnez l'URL finale du récepteur.`
            : `Réponse HTTP ${statusCode ?? "illisible"} du récepteur.`;
        finish({ statusCode, error, excerpt: excerptOf(chunks) });
      };
      response.on("data", (chunk: Buffer) => {
        const room = MAX_RESPONSE_BYTES - read;
        if (room > 0) chunks.push(chunk.subarray(0, room));
        read += chunk.byteLength;
        // The rest of an answer past 64 KiB is never read.
        if (read >= MAX_RESPONSE_BYTES) done();
      });
      response.on("end", done);
      response.on("error", fail);
    });
    request.end(body);
  });
}
