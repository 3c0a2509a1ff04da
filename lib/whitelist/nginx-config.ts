// A ready nginx configuration for the ROR gateway, generated from the whitelist in force (ADR 0009):
//   ror-whitelist-http.conf    include inside `http { }`: maps from the client certificate to enrolment, service,
//                              profile and quota class, and the limit_req zones;
//   ror-whitelist-server.conf  include inside the mutual-TLS `server { }`: client verification against the CA
//                              bundle, 403 for any certificate not in force, limit_req (429), headers upstream;
//   ror-ca-bundle.pem          the environment's CA certificates, installed at `caBundlePath`.
// Nothing from the data reaches the configuration except checked identifiers, integers, lowercase hex and comments
// reduced to a safe alphabet; anything else makes generation fail rather than produce a surprising configuration.
import { certificateFacts } from "../certificates/certificate-facts";
import { pemBlocks, pemEncode } from "../certificates/pem";
import { isSha1Fingerprint, type WhitelistEntry, type WhitelistEnvironment } from "./entry";
import type { Level1Quotas } from "./export";

export const NGINX_HTTP_FILE = "ror-whitelist-http.conf";
export const NGINX_SERVER_FILE = "ror-whitelist-server.conf";
export const NGINX_CA_BUNDLE_FILE = "ror-ca-bundle.pem";

/** Headers the upstream receives; any value a client sent under these names is replaced. */
export const FORWARDED_HEADERS = {
  service: "X-ROR-Service",
  profile: "X-ROR-Profile",
  enrolment: "X-ROR-Enrolment",
} as const;

export interface GatewayApi {
  /** Identifier used as the level-1 key, e.g. "FHIR". */
  code: string;
  /** Path prefix of the API at the gateway, e.g. "/fhir/". */
  pathPrefix: string;
  /** Public (open data) APIs use the level-2 public quota, the others the authenticated one. */
  access: "authenticated" | "public";
  /** Its own level 1 (calls per second, all callers); without it, `NginxConfigInput.level1`. */
  level1PerSecond?: number;
  /** For a comment in the configuration. */
  name?: string;
}

export interface NginxConfigInput {
  environment: WhitelistEnvironment;
  /** Entries in force (`selectEntriesInForce`); entries of the other environment are ignored. */
  entries: readonly WhitelistEntry[];
  level1: Level1Quotas;
  /** PEM text of each CA certificate of the environment's bundle (root and issuing authorities). */
  caBundlePems: readonly string[];
  /** Absolute path where ror-ca-bundle.pem is installed on the gateway. */
  caBundlePath: string;
  /**
   * The ROR APIs, told apart by path prefix: each gets its own level-1 zone, and a path outside every prefix is
   * answered 404. Without it, all requests count as one API "ror" (and level 1 is `level1`).
   */
  apis?: readonly GatewayApi[];
}

export interface NginxConfig {
  files: Record<typeof NGINX_HTTP_FILE | typeof NGINX_SERVER_FILE | typeof NGINX_CA_BUNDLE_FILE, string>;
  /** Entries that could not be placed in the configuration, with why (French, for administrators). */
  skipped: { enrolmentId: string; reason: string }[];
  stats: { entries: number; certificates: number; rateClasses: number[] };
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PATH_PREFIX = /^\/[A-Za-z0-9._~/-]{0,200}$/;

function identifier(value: string, what: string): string {
  if (!IDENTIFIER.test(value)) throw new Error(`nginx configuration: unsafe ${what} ${JSON.stringify(value)}`);
  return value;
}

function rate(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`nginx configuration: invalid ${what} ${value}`);
  return value;
}

/** Text from people (organisation and service names) as a one-line comment: letters, digits and plain punctuation. */
export function commentText(value: string, max = 80): string {
  const text = value
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/[^\p{L}\p{N} .,'’()_/&+:°«»-]/gu, "?")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Level-2 burst: one second's worth, served at once (nodelay), so "N per second" admits N calls in a burst. */
export function burstFor(perSecond: number): number {
  return perSecond;
}

/** Zone memory: a state is about 128 bytes with a 36-character key, 8,000 per megabyte; keep half free. */
function zoneSize(keys: number): string {
  return `${Math.max(1, Math.ceil(keys / 4000))}m`;
}

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}

export function caBundlePem(pems: readonly string[]): string {
  const blocks = pems.flatMap((pem) => pemBlocks(pem));
  if (blocks.length === 0) throw new Error("nginx configuration: the CA bundle is empty");
  const seen = new Set<string>();
  let bundle = "";
  for (const block of blocks) {
    if (block.label !== "CERTIFICATE" || !block.der) throw new Error("nginx configuration: the CA bundle holds something other than certificates");
    if (!certificateFacts(block.der).isCa) throw new Error("nginx configuration: the CA bundle holds an end-entity certificate");
    const pem = pemEncode(block.der, "CERTIFICATE");
    if (seen.has(pem)) continue;
    seen.add(pem);
    bundle += pem;
  }
  return bundle;
}

interface Placed {
  entry: WhitelistEntry;
  fingerprints: string[];
}

export function generateNginxConfig(input: NginxConfigInput): NginxConfig {
  const caBundlePath = input.caBundlePath;
  if (!/^\/[A-Za-z0-9._/-]+$/.test(caBundlePath)) throw new Error(`nginx configuration: unsafe CA bundle path ${caBundlePath}`);
  const level1 = rate(input.level1.perApiPerSecond, "level-1 quota");
  const zoneNames = new Set<string>();
  const apis = (input.apis ?? []).map((api) => {
    if (!PATH_PREFIX.test(api.pathPrefix)) throw new Error(`nginx configuration: unsafe path prefix ${JSON.stringify(api.pathPrefix)}`);
    const code = identifier(api.code, "API code");
    // Variable names take letters, digits and underscores only; codes differing by . or - stay distinct zones.
    let zone = code.toLowerCase().replace(/[^a-z0-9_]/g, "_");
    while (zoneNames.has(zone)) zone += "_";
    zoneNames.add(zone);
    return { code, zone, name: api.name, pathPrefix: api.pathPrefix, access: api.access, level1: rate(api.level1PerSecond ?? level1, "level-1 quota") };
  });
  const skipped: NginxConfig["skipped"] = [];

  // Deterministic order, and a fingerprint claimed by two entries is refused for both: never guess who is calling.
  const entries = input.entries
    .filter((entry) => entry.environment === input.environment && entry.status === "ACTIVE")
    .sort((a, b) => (a.enrolmentId < b.enrolmentId ? -1 : a.enrolmentId > b.enrolmentId ? 1 : 0));
  const claims = new Map<string, number>();
  for (const entry of entries) {
    for (const fingerprint of new Set(entry.certificates.map((c) => c.fingerprintSha1))) {
      claims.set(fingerprint, (claims.get(fingerprint) ?? 0) + 1);
    }
  }
  const placed: Placed[] = [];
  for (const entry of entries) {
    identifier(entry.enrolmentId, "enrolment id");
    identifier(entry.service.id, "service id");
    identifier(entry.accessProfile.code, "profile code");
    rate(entry.quotas.authenticatedPerSecond, "level-2 authenticated quota");
    rate(entry.quotas.publicPerSecond, "level-2 public quota");
    const fingerprints: string[] = [];
    for (const fingerprint of [...new Set(entry.certificates.map((c) => c.fingerprintSha1))].sort()) {
      if (!isSha1Fingerprint(fingerprint)) throw new Error(`nginx configuration: invalid SHA-1 fingerprint ${JSON.stringify(fingerprint)}`);
      if (claims.get(fingerprint)! > 1) {
        skipped.push({ enrolmentId: entry.enrolmentId, reason: `Le certificat ${fingerprint} figure dans plusieurs inscriptions : refusé pour toutes.` });
        continue;
      }
      fingerprints.push(fingerprint);
    }
    if (fingerprints.length === 0) {
      if (entry.certificates.length === 0) {
        skipped.push({ enrolmentId: entry.enrolmentId, reason: "Aucun certificat : le service ne peut pas être reconnu en TLS mutuel." });
      }
      continue;
    }
    placed.push({ entry, fingerprints });
  }

  const rateClasses = [
    ...new Set(placed.flatMap(({ entry }) => [entry.quotas.authenticatedPerSecond, entry.quotas.publicPerSecond])),
  ].sort((a, b) => a - b);
  const certificateCount = placed.reduce((sum, p) => sum + p.fingerprints.length, 0);
  const servicesPerRate = new Map<number, Set<string>>();
  for (const { entry } of placed) {
    for (const r of [entry.quotas.authenticatedPerSecond, entry.quotas.publicPerSecond]) {
      const set = servicesPerRate.get(r) ?? new Set<string>();
      set.add(entry.service.id);
      servicesPerRate.set(r, set);
    }
  }

  const http: string[] = [];
  const push = (...lines: string[]) => http.push(...lines);
  push(
    "# ROR trust space: gateway whitelist, http-level part. Generated by the portal: do not edit by hand.",
    `# Environment ${input.environment}; ${placed.length} entries, ${certificateCount} client certificates.`,
    `# Include inside http { }, and ${NGINX_SERVER_FILE} inside the mutual-TLS server { }.`,
    "",
    "# Map keys are 48 characters (verification result + SHA-1), tens of thousands of them: 512-byte buckets hold",
    "# several keys each, so nginx builds the hash without warnings (directives valid once per http block).",
    "map_hash_bucket_size 512;",
    `map_hash_max_size ${nextPowerOfTwo(Math.max(2048, 2 * certificateCount))};`,
    "",
    "# The enrolment a client certificate belongs to: only certificates whose chain nginx verified (SUCCESS) and",
    "# whose SHA-1 fingerprint is in force. Anything else maps to \"\" and is refused with 403.",
    'map "$ssl_client_verify:$ssl_client_fingerprint" $ror_enrolment {',
    '    default "";',
  );
  for (const { entry, fingerprints } of placed) {
    push(`    # ${commentText(entry.organisation.name)} (SIRET ${commentText(entry.organisation.siret, 14)}) - ${commentText(entry.service.name)}`);
    for (const fingerprint of fingerprints) push(`    "SUCCESS:${fingerprint}" "${entry.enrolmentId}";`);
  }
  push("}", "");

  const enrolmentMap = (variable: string, value: (entry: WhitelistEntry) => string | number) => {
    push(`map $ror_enrolment ${variable} {`, '    default "";');
    for (const { entry } of placed) push(`    "${entry.enrolmentId}" "${value(entry)}";`);
    push("}", "");
  };
  enrolmentMap("$ror_service", (entry) => entry.service.id);
  enrolmentMap("$ror_profile", (entry) => entry.accessProfile.code);
  enrolmentMap("$ror_l2_authenticated_rate", (entry) => entry.quotas.authenticatedPerSecond);
  enrolmentMap("$ror_l2_public_rate", (entry) => entry.quotas.publicPerSecond);

  push("# Which ROR API a request calls (level-1 key), and whether it is public (open data) or authenticated.");
  push("map $uri $ror_api {", `    default "${apis.length === 0 ? "ror" : ""}";`);
  const byLength = [...apis].sort((a, b) => b.pathPrefix.length - a.pathPrefix.length || (a.pathPrefix < b.pathPrefix ? -1 : 1));
  for (const api of byLength) push(`    "~^${escapeRegex(api.pathPrefix)}" "${api.code}";`);
  push("}", "", "map $uri $ror_api_access {", '    default "authenticated";');
  for (const api of byLength.filter((a) => a.access === "public")) push(`    "~^${escapeRegex(api.pathPrefix)}" "public";`);
  push(
    "}",
    "",
    "map $ror_api_access $ror_l2_rate {",
    "    public $ror_l2_public_rate;",
    "    default $ror_l2_authenticated_rate;",
    "}",
    "",
    "# Level 2, per service and per kind of data: limit_req_zone has one rate per zone, so one zone per quota value",
    "# in use. A request counts in the zone of its service's quota for the API's kind (key = service id and kind, so",
    "# authenticated and public calls never share a counter); in every other zone its key is empty (not counted).",
  );
  for (const r of rateClasses) {
    push(`map $ror_l2_rate $ror_l2_key_${r} {`, '    default "";', `    "${r}" "$ror_service:$ror_api_access";`, "}");
    push(`limit_req_zone $ror_l2_key_${r} zone=ror_l2_${r}:${zoneSize(servicesPerRate.get(r)!.size)} rate=${r}r/s;`, "");
  }
  if (apis.length === 0) {
    push("# Level 1, per API, all callers together.", `limit_req_zone $ror_api zone=ror_l1:1m rate=${level1}r/s;`, "");
  } else {
    push("# Level 1, per API, all callers together: one zone per API, each at its own quota (key empty on other APIs).");
    for (const api of apis) {
      if (api.name) push(`# ${commentText(api.name)}`);
      push(`map $ror_api $ror_l1_key_${api.zone} {`, '    default "";', `    "${api.code}" "${api.code}";`, "}");
      push(`limit_req_zone $ror_l1_key_${api.zone} zone=ror_l1_${api.zone}:1m rate=${api.level1}r/s;`, "");
    }
  }

  const server: string[] = [
    "# ROR trust space: gateway whitelist, server-level part. Generated by the portal: do not edit by hand.",
    `# Include inside the mutual-TLS server { } (after ssl_certificate / ssl_certificate_key); needs ${NGINX_HTTP_FILE}`,
    "# in http { }. A location that sets its own limit_req or proxy_set_header must repeat these ones.",
    "",
    `ssl_client_certificate ${caBundlePath};`,
    "ssl_verify_client on;",
    "# Client certificate, issuing authority, root.",
    "ssl_verify_depth 2;",
    "",
    "# Not in force (unknown, suspended, revoked, superseded, expired in the whitelist): refused before any quota.",
    'if ($ror_enrolment = "") {',
    "    return 403;",
    "}",
    "",
    ...(apis.length === 0
      ? []
      : ["# A path outside every ROR API of the catalogue is not served by the gateway.", 'if ($ror_api = "") {', "    return 404;", "}", ""]),
    "# Level 1 (per API) and level 2 (per service and kind): whichever is exceeded first answers 429.",
    "limit_req_status 429;",
    ...(apis.length === 0
      ? [`limit_req zone=ror_l1 burst=${burstFor(level1)} nodelay;`]
      : apis.map((api) => `limit_req zone=ror_l1_${api.zone} burst=${burstFor(api.level1)} nodelay;`)),
    ...rateClasses.map((r) => `limit_req zone=ror_l2_${r} burst=${burstFor(r)} nodelay;`),
    "",
    "# Who is calling, for the upstream; replaces any header of the same name sent by the client.",
    `proxy_set_header ${FORWARDED_HEADERS.service} $ror_service;`,
    `proxy_set_header ${FORWARDED_HEADERS.profile} $ror_profile;`,
    `proxy_set_header ${FORWARDED_HEADERS.enrolment} $ror_enrolment;`,
    "",
  ];

  return {
    files: {
      [NGINX_HTTP_FILE]: http.join("\n"),
      [NGINX_SERVER_FILE]: server.join("\n"),
      [NGINX_CA_BUNDLE_FILE]: caBundlePem(input.caBundlePems),
    },
    skipped,
    stats: { entries: placed.length, certificates: certificateCount, rateClasses },
  };
}
