// The generated gateway configuration, loaded into Debian's real nginx, with real mutual-TLS requests on loopback.
// nginx must be installed (`apt-get install nginx-light`, done by .ci/run): without it this test fails.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EKU_SERVER_AUTH } from "../certificates/certificate-usages";
import {
  createTestAuthority,
  issueTestCertificate,
  privateKeyPem,
  type TestAuthority,
  type TestLeaf,
} from "../testing/test-authority";
import { certificateFingerprints, selectEntriesInForce, type WhitelistEntry } from "./entry";
import { generateNginxConfig, NGINX_CA_BUNDLE_FILE, NGINX_HTTP_FILE, NGINX_SERVER_FILE } from "./nginx-config";
import { syntheticEntry } from "../testing/test-entries";

const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"];
const now = new Date();
const validity = { notBefore: new Date(now.getTime() - 24 * 3600_000), notAfter: new Date(now.getTime() + 365 * 24 * 3600_000) };

interface Client {
  cert: string;
  key: string;
}

let nginxBinary: string;
let directory: string;
let authority: TestAuthority;
let backend: http.Server;
let nginx: ChildProcess | null = null;
let port: number;
let nginxExit: Promise<number | null>;
const clients: Record<"whitelisted" | "other" | "balanced" | "revoked" | "unknown" | "foreign", Client> = {} as never;
const entries: Record<"whitelisted" | "other" | "balanced" | "revoked", WhitelistEntry> = {} as never;
let serverCa: string;

async function client(leaf: TestLeaf): Promise<Client> {
  return { cert: leaf.pem, key: await privateKeyPem(leaf.keys.privateKey) };
}

function entryFor(index: number, leaf: TestLeaf, overrides: Partial<WhitelistEntry>): WhitelistEntry {
  return syntheticEntry(index, now, {
    environment: "TEST",
    certificates: [
      {
        ...certificateFingerprints(leaf.der),
        subjectDn: `CN=Service ${index}`,
        issuerDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
        notBefore: validity.notBefore,
        notAfter: validity.notAfter,
      },
    ],
    ...overrides,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
}

async function waitForPort(target: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(target, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${target}: ${readFileSync(path.join(directory, "error.log"), "utf8")}`);
}

interface Answer {
  status: number;
  body: string;
}

function get(who: Client | null, requestPath = "/fhir/Organization", headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: "127.0.0.1",
        port,
        path: requestPath,
        method: "GET",
        headers,
        ca: serverCa,
        servername: "localhost",
        // The chain is verified against the test root; the test server certificate carries no subjectAltName.
        checkServerIdentity: () => undefined,
        agent: false,
        ...(who ?? {}),
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  const found = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error("nginx is not installed: run `apt-get install -y nginx-light` (.ci/run installs it). This test needs it.");
  }
  nginxBinary = found;
  directory = mkdtempSync(path.join(os.tmpdir(), "ror-nginx-int-"));
  // Worker processes run as `nobody` when the master is root.
  chmodSync(directory, 0o755);

  authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  const foreignAuthority = await createTestAuthority({ ...validity, keyAlgorithm: "EC", rootCommonName: "AUTRE RACINE" });
  const leaf = (commonName: string, from = authority, extendedKeyUsages?: string[]) =>
    issueTestCertificate(from, { ...validity, commonName, structureId: "373282932000074", organization: "Éditeur Démo", keyAlgorithm: "EC", extendedKeyUsages });
  const [whitelisted, other, balanced, revoked, unknown, foreign, server] = await Promise.all([
    leaf("Agenda Santé"),
    leaf("Orientation Plus"),
    leaf("Équilibre"),
    leaf("Ancien Service"),
    leaf("Inconnu"),
    leaf("Étranger", foreignAuthority),
    leaf("localhost", authority, [EKU_SERVER_AUTH]),
  ]);
  clients.whitelisted = await client(whitelisted);
  clients.other = await client(other);
  clients.balanced = await client(balanced);
  clients.revoked = await client(revoked);
  clients.unknown = await client(unknown);
  clients.foreign = await client(foreign);
  serverCa = authority.root.pem;

  entries.whitelisted = entryFor(1, whitelisted, {
    accessProfile: { code: "2", label: "Données restreintes", requiresCertificate: true },
    quotas: { authenticatedPerSecond: 2, publicPerSecond: 1 },
  });
  entries.other = entryFor(2, other, {
    accessProfile: { code: "3", label: "Médico-social", requiresCertificate: true },
    quotas: { authenticatedPerSecond: 50, publicPerSecond: 5 },
  });
  entries.revoked = entryFor(3, revoked, { status: "REVOKED" });
  // The same quota on both kinds: one rate zone, so only the key (service and kind) keeps the counters apart.
  entries.balanced = entryFor(4, balanced, {
    accessProfile: { code: "2", label: "Données restreintes", requiresCertificate: true },
    quotas: { authenticatedPerSecond: 2, publicPerSecond: 2 },
  });
  const inForce = selectEntriesInForce(Object.values(entries), now).entries;
  expect(inForce.map((e) => e.enrolmentId).sort()).toEqual([entries.whitelisted.enrolmentId, entries.other.enrolmentId, entries.balanced.enrolmentId].sort());

  writeConfiguration(inForce, 1000);
  writeFileSync(path.join(directory, "server.pem"), server.pem + authority.issuing.pem);
  writeFileSync(path.join(directory, "server.key"), await privateKeyPem(server.keys.privateKey), { mode: 0o600 });

  // The upstream: echoes what the gateway forwarded.
  backend = http.createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ headers: request.headers, url: request.url }));
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const backendPort = (backend.address() as net.AddressInfo).port;
  port = await freePort();

  const temp = (name: string) => path.join(directory, name);
  writeFileSync(
    temp("nginx.conf"),
    `worker_processes 1;
error_log ${temp("error.log")} warn;
pid ${temp("nginx.pid")};
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${temp("client_body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${temp(NGINX_HTTP_FILE)};
    server {
        listen 127.0.0.1:${port} ssl;
        server_name localhost;
        ssl_certificate ${temp("server.pem")};
        ssl_certificate_key ${temp("server.key")};
        include ${temp(NGINX_SERVER_FILE)};
        location / {
            proxy_pass http://127.0.0.1:${backendPort};
        }
    }
}
`,
  );

  const check = nginxTest();
  if (!check.includes("test is successful")) throw new Error(`nginx -t failed:\n${check}`);

  nginx = spawn(nginxBinary, ["-c", temp("nginx.conf"), "-p", `${directory}/`, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  const started = nginx;
  nginxExit = new Promise((resolve) => started.once("exit", (code) => resolve(code)));
  await waitForPort(port, Date.now() + 10_000);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    nginx.kill("SIGQUIT"); // graceful shutdown
    const stopped = await Promise.race([nginxExit, new Promise((resolve) => setTimeout(() => resolve("timeout"), 5000))]);
    if (stopped === "timeout") nginx.kill("SIGKILL");
  }
  await new Promise((resolve) => (backend ? backend.close(resolve) : resolve(undefined)));
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("the generated configuration in nginx", () => {
  it("passes `nginx -t` without warnings", () => {
    const result = nginxTest();
    expect(result).toContain("test is successful");
    expect(result).not.toMatch(/\[(warn|emerg|alert)\]/);
  });

  it("lets a whitelisted certificate through, forwarding its profile and service, whatever the client claims", async () => {
    const answer = await get(clients.whitelisted, "/fhir/Organization", { "X-ROR-Profile": "1", "X-ROR-Service": "someone-else" });
    expect(answer.status).toBe(200);
    const echoed = JSON.parse(answer.body) as { headers: Record<string, string>; url: string };
    expect(echoed.headers["x-ror-profile"]).toBe("2");
    expect(echoed.headers["x-ror-service"]).toBe(entries.whitelisted.service.id);
    expect(echoed.headers["x-ror-enrolment"]).toBe(entries.whitelisted.enrolmentId);
    expect(echoed.url).toBe("/fhir/Organization");
  });

  it("refuses a revoked or an unknown certificate of the trusted CA with 403", async () => {
    expect((await get(clients.revoked)).status).toBe(403);
    expect((await get(clients.unknown)).status).toBe(403);
  });

  it("refuses at TLS verification (400) a certificate of another CA, and a request without certificate", async () => {
    expect((await get(clients.foreign)).status).toBe(400);
    expect((await get(null)).status).toBe(400);
  });

  it("answers 429 to a burst over the service's quota, and only to that service", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let earlier calls drain from the bucket
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => get(clients.whitelisted)));
    const elapsed = (Date.now() - started) / 1000;
    const statuses = burst.map((answer) => answer.status);
    const passed = statuses.filter((status) => status === 200).length;
    const limited = statuses.filter((status) => status === 429).length;
    expect(passed + limited).toBe(20);
    // 2 per second with a burst of 2: three at once, then 2 more per second the burst lasted (slow machines).
    const allowed = 3 + Math.ceil(elapsed * 2);
    expect(passed).toBeGreaterThanOrEqual(2);
    expect(passed, `${elapsed}s`).toBeLessThanOrEqual(allowed);
    expect(limited).toBeGreaterThanOrEqual(20 - allowed);
    expect(limited).toBeGreaterThan(0);
    // Another service, with its own quota, is not affected.
    const others = await Promise.all(Array.from({ length: 10 }, () => get(clients.other)));
    expect(others.map((answer) => answer.status)).toEqual(Array(10).fill(200));
  });

  it("applies the public quota on public API paths", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The whitelisted service has 1 call per second on public APIs: burst 1, so two at once.
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 8 }, () => get(clients.whitelisted, "/open/Organization")));
    const elapsed = (Date.now() - started) / 1000;
    const passed = burst.filter((answer) => answer.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(1);
    expect(passed, `${elapsed}s`).toBeLessThanOrEqual(2 + Math.ceil(elapsed));
    expect(burst.filter((answer) => answer.status === 429).length).toBe(8 - passed);
  });

  it("answers 404 to a trusted, enforced certificate calling a path outside every API of the catalogue", async () => {
    expect((await get(clients.other, "/admin/")).status).toBe(404);
    expect((await get(clients.unknown, "/admin/")).status).toBe(403);
  });

  it("applies level 1 per API: an API over its own quota answers 429 while another API and level 2 are untouched", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // "/ws/" has 3 calls per second for everyone together; "other" has 50/s of its own, so only level 1 refuses it.
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => get(clients.other, "/ws/Service")));
    const elapsed = (Date.now() - started) / 1000;
    const passed = burst.filter((answer) => answer.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(passed, `${elapsed}s`).toBeLessThanOrEqual(4 + Math.ceil(elapsed * 3));
    expect(burst.filter((answer) => answer.status === 429).length).toBe(20 - passed);
    // Same service, same kind of data, another API: its own level-1 bucket, and level 2 (50/s) is far.
    const fhir = await Promise.all(Array.from({ length: 5 }, () => get(clients.other, "/fhir/Organization")));
    expect(fhir.map((answer) => answer.status)).toEqual(Array(5).fill(200));
    // Another service on the exhausted API is refused by level 1 as well: it counts all callers together.
    expect((await get(clients.balanced, "/ws/Service")).status).toBe(429);
  });

  it("applies level 2 per service and per kind: authenticated calls over quota leave public calls of the same rate untouched", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 12 }, () => get(clients.balanced, "/fhir/Organization")));
    const elapsed = (Date.now() - started) / 1000;
    const passed = burst.filter((answer) => answer.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(2);
    expect(passed, `${elapsed}s`).toBeLessThanOrEqual(3 + Math.ceil(elapsed * 2));
    expect(burst.filter((answer) => answer.status === 429).length).toBe(12 - passed);
    // Level 1 of /fhir/ (1000/s) is far: the 429 came from the service's authenticated quota, not from its public one.
    expect((await get(clients.balanced, "/open/Organization")).status).toBe(200);
    // And not from another service's.
    expect((await get(clients.other, "/fhir/Organization")).status).toBe(200);
  });

  it("follows a regenerated configuration on reload: a changed profile, and level 1 per API", async () => {
    // The reviewer changes the profile of the whitelisted service; an administrator lowers level 1 to 3/s.
    const changed = { ...entries.whitelisted, accessProfile: { code: "4", label: "Structure", requiresCertificate: true } };
    writeConfiguration(selectEntriesInForce([changed, entries.other, entries.balanced, entries.revoked], now).entries, 3);
    expect(nginxTest()).toContain("test is successful");
    nginx!.kill("SIGHUP");
    const deadline = Date.now() + 10_000;
    let profile = "";
    while (profile !== "4" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const answer = await get(clients.whitelisted);
      if (answer.status === 200) profile = (JSON.parse(answer.body) as { headers: Record<string, string> }).headers["x-ror-profile"] ?? "";
    }
    expect(profile).toBe("4");

    await new Promise((resolve) => setTimeout(resolve, 1100));
    // "other" has 50/s of its own, so only level 1 (3/s per API, burst 3) can refuse it.
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => get(clients.other)));
    const elapsed = (Date.now() - started) / 1000;
    const passed = burst.filter((answer) => answer.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(passed, `${elapsed}s`).toBeLessThanOrEqual(4 + Math.ceil(elapsed * 3));
    expect(burst.filter((answer) => answer.status === 429).length).toBe(20 - passed);
    // Another API has its own level-1 bucket.
    expect((await get(clients.other, "/open/Organization")).status).toBe(200);
  });
});

/** Generates the gateway configuration into the test directory, as the portal's export would. */
function writeConfiguration(inForce: WhitelistEntry[], level1PerApiPerSecond: number): void {
  const config = generateNginxConfig({
    environment: "TEST",
    entries: inForce,
    level1: { perApiPerSecond: level1PerApiPerSecond },
    caBundlePems: [authority.root.pem, authority.issuing.pem],
    caBundlePath: path.join(directory, NGINX_CA_BUNDLE_FILE),
    apis: [
      { code: "FHIR", pathPrefix: "/fhir/", access: "authenticated" },
      { code: "OPEN", pathPrefix: "/open/", access: "public" },
      // Its own level 1, whatever the default.
      { code: "WS", pathPrefix: "/ws/", access: "authenticated", level1PerSecond: 3 },
    ],
  });
  for (const [name, content] of Object.entries(config.files)) writeFileSync(path.join(directory, name), content);
}

/** `nginx -t` on the test configuration: what it printed (on stderr). */
function nginxTest(): string {
  const result = spawnSync(nginxBinary, ["-t", "-c", path.join(directory, "nginx.conf"), "-p", `${directory}/`], { encoding: "utf8" });
  return `${result.stdout}${result.stderr}`;
}
