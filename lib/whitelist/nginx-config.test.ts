import { beforeAll, describe, expect, it } from "vitest";
import { createTestAuthority, issueTestCertificate, type TestAuthority } from "../testing/test-authority";
import { syntheticCertificate, syntheticEntries, syntheticEntry } from "../testing/test-entries";
import { commentText, generateNginxConfig, NGINX_CA_BUNDLE_FILE, NGINX_HTTP_FILE, NGINX_SERVER_FILE, type NginxConfigInput } from "./nginx-config";

const now = new Date("2026-11-26T10:00:00Z");
const validity = { notBefore: new Date("2025-01-01T00:00:00Z"), notAfter: new Date("2035-01-01T00:00:00Z") };
let authority: TestAuthority;

beforeAll(async () => {
  authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
});

function input(overrides: Partial<NginxConfigInput> = {}): NginxConfigInput {
  return {
    environment: "PRODUCTION",
    entries: syntheticEntries(60, now),
    level1: { perApiPerSecond: 100 },
    caBundlePems: [authority.root.pem, authority.issuing.pem],
    caBundlePath: "/etc/nginx/ror/ror-ca-bundle.pem",
    ...overrides,
  };
}

/** The lines of a map block, keyed. */
function mapBlock(conf: string, header: string): Map<string, string> {
  const start = conf.indexOf(`${header} {\n`);
  expect(start, header).toBeGreaterThanOrEqual(0);
  const body = conf.slice(start + header.length + 3, conf.indexOf("\n}", start));
  const entries = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^ {4}("[^"]*"|default|\S+) (.+);$/.exec(line);
    if (match) entries.set(match[1]!.replace(/^"|"$/g, ""), match[2]!.replace(/^"|"$/g, ""));
  }
  return entries;
}

describe("the nginx configuration generator", () => {
  it("maps each verified certificate's SHA-1 to its enrolment, then service, profile and quota class", () => {
    const entries = syntheticEntries(60, now);
    const config = generateNginxConfig(input({ entries }));
    const http = config.files[NGINX_HTTP_FILE];
    const production = entries.filter((e) => e.environment === "PRODUCTION");
    expect(config.stats).toEqual({ entries: production.length, certificates: production.length, rateClasses: [5, 10, 20] });

    const byCertificate = mapBlock(http, 'map "$ssl_client_verify:$ssl_client_fingerprint" $ror_enrolment');
    const services = mapBlock(http, "map $ror_enrolment $ror_service");
    const profiles = mapBlock(http, "map $ror_enrolment $ror_profile");
    const authenticated = mapBlock(http, "map $ror_enrolment $ror_l2_authenticated_rate");
    expect(byCertificate.get("default")).toBe("");
    for (const entry of production) {
      expect(byCertificate.get(`SUCCESS:${entry.certificates[0]!.fingerprintSha1}`)).toBe(entry.enrolmentId);
      expect(services.get(entry.enrolmentId)).toBe(entry.service.id);
      expect(profiles.get(entry.enrolmentId)).toBe(entry.accessProfile.code);
      expect(authenticated.get(entry.enrolmentId)).toBe(String(entry.quotas.authenticatedPerSecond));
    }
    // The other environment's entries are not there.
    for (const entry of entries.filter((e) => e.environment === "TEST")) expect(http).not.toContain(entry.enrolmentId);
  });

  it("one limit_req zone per quota value in use, keyed by service and kind, plus level 1 per API; 429 when over", () => {
    const config = generateNginxConfig(input({ level1: { perApiPerSecond: 250 } }));
    const http = config.files[NGINX_HTTP_FILE];
    const server = config.files[NGINX_SERVER_FILE];
    for (const r of [5, 10, 20]) {
      expect(http).toContain(`limit_req_zone $ror_l2_key_${r} zone=ror_l2_${r}:1m rate=${r}r/s;`);
      expect(mapBlock(http, `map $ror_l2_rate $ror_l2_key_${r}`)).toEqual(new Map([["default", ""], [String(r), "$ror_service:$ror_api_access"]]));
      expect(server).toContain(`limit_req zone=ror_l2_${r} burst=${r} nodelay;`);
    }
    expect(http).toContain("limit_req_zone $ror_api zone=ror_l1:1m rate=250r/s;");
    expect(server).toContain("limit_req zone=ror_l1 burst=250 nodelay;");
    expect(server).toContain("limit_req_status 429;");
    expect(server).toMatch(/ssl_verify_client on;[\s\S]*if \(\$ror_enrolment = ""\) \{\n {4}return 403;\n\}/);
    expect(server).toContain("ssl_client_certificate /etc/nginx/ror/ror-ca-bundle.pem;");
    expect(server).toContain("proxy_set_header X-ROR-Profile $ror_profile;");
    expect(server).toContain("proxy_set_header X-ROR-Service $ror_service;");
  });

  it("tells APIs apart by path prefix, longest first, for level 1 and the public quota", () => {
    const config = generateNginxConfig(
      input({
        apis: [
          { code: "FHIR", pathPrefix: "/fhir/", access: "authenticated" },
          { code: "FHIR_OPEN", pathPrefix: "/fhir/open.data/", access: "public" },
        ],
      }),
    );
    const http = config.files[NGINX_HTTP_FILE];
    expect([...mapBlock(http, "map $uri $ror_api").entries()]).toEqual([
      ["default", ""],
      ["~^/fhir/open\\.data/", "FHIR_OPEN"],
      ["~^/fhir/", "FHIR"],
    ]);
    expect([...mapBlock(http, "map $uri $ror_api_access").entries()]).toEqual([
      ["default", "authenticated"],
      ["~^/fhir/open\\.data/", "public"],
    ]);
    expect(mapBlock(generateNginxConfig(input()).files[NGINX_HTTP_FILE], "map $uri $ror_api").get("default")).toBe("ror");
  });

  it("gives each API of the catalogue its own level-1 zone at its own quota, and 404 outside every prefix", () => {
    const config = generateNginxConfig(
      input({
        level1: { perApiPerSecond: 100 },
        apis: [
          { code: "fhir", name: "API FHIR du ROR", pathPrefix: "/fhir/", access: "authenticated", level1PerSecond: 30 },
          { code: "ws", pathPrefix: "/ws/", access: "authenticated" },
          { code: "open.data", pathPrefix: "/opendata/", access: "public", level1PerSecond: 7 },
          { code: "open-data", pathPrefix: "/open-data/", access: "public", level1PerSecond: 8 },
        ],
      }),
    );
    const http = config.files[NGINX_HTTP_FILE];
    const server = config.files[NGINX_SERVER_FILE];
    expect(http).not.toContain("zone=ror_l1:");
    expect(mapBlock(http, "map $ror_api $ror_l1_key_fhir")).toEqual(new Map([["default", ""], ["fhir", "fhir"]]));
    expect(http).toContain("# API FHIR du ROR\nmap $ror_api $ror_l1_key_fhir {");
    expect(http).toContain("limit_req_zone $ror_l1_key_fhir zone=ror_l1_fhir:1m rate=30r/s;");
    // Without a quota of its own, an API takes the level-1 default.
    expect(http).toContain("limit_req_zone $ror_l1_key_ws zone=ror_l1_ws:1m rate=100r/s;");
    // Codes that differ by a character variables cannot hold stay distinct zones.
    expect(http).toContain("limit_req_zone $ror_l1_key_open_data zone=ror_l1_open_data:1m rate=7r/s;");
    expect(http).toContain("limit_req_zone $ror_l1_key_open_data_ zone=ror_l1_open_data_:1m rate=8r/s;");
    expect(mapBlock(http, "map $ror_api $ror_l1_key_open_data_")).toEqual(new Map([["default", ""], ["open-data", "open-data"]]));
    for (const [zone, burst] of [["fhir", 30], ["ws", 100], ["open_data", 7], ["open_data_", 8]] as const) {
      expect(server).toContain(`limit_req zone=ror_l1_${zone} burst=${burst} nodelay;`);
    }
    // 403 (not in force) before 404 (outside the catalogue), both before any quota.
    expect(server).toMatch(/return 403;[\s\S]*if \(\$ror_api = ""\) \{\n {4}return 404;\n\}[\s\S]*limit_req_status 429;[\s\S]*limit_req zone=/);
    expect(() => generateNginxConfig(input({ apis: [{ code: "x", pathPrefix: "/x/", access: "public", level1PerSecond: 0 }] }))).toThrow(/level-1/);
    expect(() => generateNginxConfig(input({ apis: [{ code: "a b", pathPrefix: "/x/", access: "public" }] }))).toThrow(/API code/);
  });

  it("never lets data write configuration: names only as sanitised comments, unsafe identifiers refused", () => {
    const hostile = syntheticEntry(1, now, {
      organisation: { name: 'Evil"; }\nserver { listen 80; } #', siret: "73282932000074" },
      service: { id: "svc-1", name: "x\r\n    \"SUCCESS:0000\" \"admin\";" },
    });
    const http = generateNginxConfig(input({ entries: [hostile] })).files[NGINX_HTTP_FILE];
    const comment = http.split("\n").find((line) => line.includes("Evil"))!;
    expect(comment).toMatch(/^ {4}# /);
    const code = http.split("\n").filter((line) => !/^\s*#/.test(line));
    expect(code.join("\n")).not.toMatch(/listen|admin|Evil|server \{/);
    expect(http.split("\n").filter((line) => line.includes("admin"))).toEqual([comment]);
    expect(commentText("Éditeur n° 3 « Santé » ; {x}\n$y")).toBe("Éditeur n° 3 « Santé » ? ?x? ?y");

    const unsafe: Partial<NginxConfigInput>[] = [
      { entries: [syntheticEntry(1, now, { enrolmentId: 'a" b' })] },
      { entries: [syntheticEntry(1, now, { service: { id: "$host", name: "x" } })] },
      { entries: [syntheticEntry(1, now, { accessProfile: { code: "1;", label: "x", requiresCertificate: true } })] },
      { entries: [syntheticEntry(1, now, { quotas: { authenticatedPerSecond: 1.5, publicPerSecond: 5 } })] },
      { entries: [syntheticEntry(1, now, { certificates: [{ ...syntheticCertificate("a", now, now), fingerprintSha1: "ZZ" }] })] },
      { level1: { perApiPerSecond: 0 } },
      { caBundlePath: "/etc/nginx/ror bundle.pem;" },
      { apis: [{ code: "FHIR", pathPrefix: "/fhir/(.*)", access: "public" }] },
      { caBundlePems: [] },
      { caBundlePems: ["not a certificate"] },
    ];
    for (const overrides of unsafe) expect(() => generateNginxConfig(input(overrides)), JSON.stringify(overrides)).toThrow();
  });

  it("refuses a certificate claimed by two entries for both, and reports entries it cannot place", () => {
    const shared = syntheticCertificate("shared", validity.notBefore, validity.notAfter);
    const a = syntheticEntry(1, now, { certificates: [shared, syntheticCertificate("own", validity.notBefore, validity.notAfter)] });
    const b = syntheticEntry(2, now, { certificates: [shared] });
    const open = syntheticEntry(3, now, { certificates: [], accessProfile: { code: "0", label: "Libre", requiresCertificate: false } });
    const config = generateNginxConfig(input({ entries: [a, b, open] }));
    const http = config.files[NGINX_HTTP_FILE];
    expect(http).not.toContain(shared.fingerprintSha1);
    expect(http).toContain(`"SUCCESS:${a.certificates[1]!.fingerprintSha1}" "${a.enrolmentId}"`);
    expect(config.stats.entries).toBe(1);
    expect(config.skipped.map((s) => s.enrolmentId).sort()).toEqual([a.enrolmentId, b.enrolmentId, open.enrolmentId].sort());
  });

  it("writes the CA bundle from PEM, certificates only, once each, CA certificates only", async () => {
    const config = generateNginxConfig(input({ caBundlePems: [`junk\n${authority.root.pem}\n${authority.issuing.pem}`, authority.root.pem] }));
    expect(config.files[NGINX_CA_BUNDLE_FILE]).toBe(authority.root.pem + authority.issuing.pem);
    const leaf = await issueTestCertificate(authority, { ...validity, commonName: "Agenda", keyAlgorithm: "EC" });
    expect(() => generateNginxConfig(input({ caBundlePems: [authority.root.pem, leaf.pem] }))).toThrow(/end-entity/);
  });

  it("names the files as they are downloaded: the http file points to the server file, the server file to the CA bundle", () => {
    const files = generateNginxConfig(input()).files;
    expect(Object.keys(files).sort()).toEqual([NGINX_CA_BUNDLE_FILE, NGINX_HTTP_FILE, NGINX_SERVER_FILE].sort());
    expect(files[NGINX_HTTP_FILE]).toContain(`and ${NGINX_SERVER_FILE} inside the mutual-TLS server { }`);
    expect(files[NGINX_SERVER_FILE]).toContain(`ssl_client_certificate /etc/nginx/ror/${NGINX_CA_BUNDLE_FILE};`);
    expect(files[NGINX_SERVER_FILE]).toContain(`needs ${NGINX_HTTP_FILE}`);
  });

  it("is deterministic whatever the input order", () => {
    const entries = syntheticEntries(50, now);
    expect(generateNginxConfig(input({ entries: [...entries].reverse() })).files).toEqual(generateNginxConfig(input({ entries })).files);
  });
});
