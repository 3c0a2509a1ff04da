import ipaddr from "ipaddr.js";

// Pure: which URLs a subscription may name and which addresses the portal may connect to (ADR 0033). The URL is
// checked when it is saved; every address is checked again at each delivery, on the address actually connected to.

export const MAX_URL_LENGTH = 2000;

export type AddressPolicy = {
  /** Test-only (WEBHOOK_ALLOW_LOOPBACK=on, refused in production): loopback receivers are allowed. */
  allowLoopback: boolean;
};

export const URL_MESSAGES = {
  required: "Saisissez l'URL du récepteur.",
  tooLong: `L'URL ne doit pas dépasser ${MAX_URL_LENGTH} caractères.`,
  invalid: "Saisissez une URL complète, par exemple https://passerelle.exemple.fr/webhooks/ror.",
  notHttps: "L'URL doit commencer par https:// : les webhooks ne partent que sur une connexion chiffrée.",
  credentials: "L'URL ne doit pas contenir d'identifiant ni de mot de passe (la signature authentifie chaque envoi).",
  fragment: "L'URL ne doit pas contenir de fragment (#…), qui ne serait pas envoyé.",
  unresolved: (host: string) => `Le nom ${host} ne correspond à aucune adresse : vérifiez l'URL.`,
} as const;

/** "L'adresse 10.0.0.5 est une adresse privée : …" — why an address is refused, or null when it is public. */
export function addressRefusal(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return `« ${address} » n'est pas une adresse IP.`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  const range = parsed.range();
  // IPv4-compatible addresses (::a.b.c.d, deprecated) embed an IPv4 address too: none is public.
  if (parsed.kind() === "ipv6" && range === "unicast" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return refusal(address, "réservée");
  if (range === "unicast") return null;
  if (range === "loopback") return policy.allowLoopback ? null : refusal(address, "de bouclage (loopback)");
  return refusal(address, RANGE_NAMES[range] ?? "réservée");
}

const RANGE_NAMES: Record<string, string> = {
  private: "privée",
  uniqueLocal: "privée",
  carrierGradeNat: "privée (partagée par un opérateur)",
  linkLocal: "locale au lien",
  unspecified: "non spécifiée",
  broadcast: "de diffusion",
  multicast: "de multidiffusion",
};

function refusal(address: string, kind: string): string {
  return `L'adresse ${address} est une adresse ${kind} : le portail n'envoie de webhooks qu'à des adresses publiques.`;
}

/** The first refusal among the addresses a name resolves to (every one must be public), or null. */
export function addressesRefusal(host: string, addresses: readonly string[], policy: AddressPolicy): string | null {
  if (addresses.length === 0) return URL_MESSAGES.unresolved(host);
  for (const address of addresses) {
    const refused = addressRefusal(address, policy);
    if (refused) return addresses.length === 1 && address === host ? refused : `Le nom ${host} désigne une adresse non publique. ${refused}`;
  }
  return null;
}

export type ParsedWebhookUrl =
  | {
      ok: true;
      /** The URL as it will be called (WHATWG-normalised: lowercase host, IPv4 forms like 0x7f.1 spelled out). */
      url: string;
      /** The host to resolve and to present (Host header and SNI); an IP literal without brackets. */
      hostname: string;
      /** Set when the host is an IP literal: nothing to resolve, the address itself is checked. */
      ipLiteral: string | null;
      port: number;
      /** Path and query, as sent in the request line. */
      path: string;
    }
  | { ok: false; message: string };

/** The rules that need no DNS: https, no credentials, no fragment, and an IP literal must be public. */
export function parseWebhookUrl(raw: string, policy: AddressPolicy): ParsedWebhookUrl {
  const value = raw.trim();
  if (value === "") return { ok: false, message: URL_MESSAGES.required };
  if (value.length > MAX_URL_LENGTH) return { ok: false, message: URL_MESSAGES.tooLong };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: URL_MESSAGES.invalid };
  }
  if (url.protocol !== "https:") return { ok: false, message: URL_MESSAGES.notHttps };
  if (url.username !== "" || url.password !== "") return { ok: false, message: URL_MESSAGES.credentials };
  if (url.hash !== "" || value.includes("#")) return { ok: false, message: URL_MESSAGES.fragment };
  if (url.hostname === "") return { ok: false, message: URL_MESSAGES.invalid };
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const ipLiteral = ipaddr.isValid(hostname) && (hostname.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(hostname)) ? hostname : null;
  if (ipLiteral) {
    const refused = addressRefusal(ipLiteral, policy);
    if (refused) return { ok: false, message: refused };
  }
  return { ok: true, url: url.toString(), hostname, ipLiteral, port: url.port === "" ? 443 : Number(url.port), path: `${url.pathname}${url.search}` };
}

/** The host shown in lists and recorded in events: never the path or query, which may carry a receiver's token. */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
