// The deployment's nginx file agrees with what the portal expects of its proxy (ADR 0055, 0016, 0026), and the test
// rewrite of it touches addresses, ports and paths only.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCAN_TIMEOUT_MS } from "../uploads/malware-scan.server";
import { DEFAULT_IDLE_TIMEOUT_MS } from "../uploads/read-upload.server";
import { CA_CERTIFICATE_UPLOAD, PLATINES_UPLOAD, SERVICE_CERTIFICATE_UPLOAD, VERIFICATION_UPLOAD } from "../uploads/upload-kinds";
import { maxBodyBytes } from "../uploads/upload-rules";
import { DEPLOY_NGINX_CONFIG, rewriteDeployNginxConfig, type DeployNginxSettings } from "./deploy-nginx";

const source = readFileSync(DEPLOY_NGINX_CONFIG, "utf8");
/** The directives of the file, comments dropped. */
const directives = source
  .split("\n")
  .map((line) => line.replace(/#.*$/, "").trim())
  .filter((line) => line !== "");

function values(name: string): string[] {
  return directives.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1).replace(/;$/, ""));
}

function seconds(value: string): number {
  const match = /^(\d+)(ms|s|m)?$/.exec(value);
  if (!match) throw new Error(value);
  const unit = match[2] ?? "s";
  return Number(match[1]) * (unit === "ms" ? 0.001 : unit === "m" ? 60 : 1);
}

function bytes(value: string): number {
  const match = /^(\d+)([kmg])?$/i.exec(value);
  if (!match) throw new Error(value);
  return Number(match[1]) * { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? "").toLowerCase() as "" | "k" | "m" | "g"];
}

const settings: DeployNginxSettings = {
  httpsPort: 3260,
  httpPort: 3261,
  upstreams: ["127.0.0.1:3262", "127.0.0.1:3263", "127.0.0.1:3264"],
  certificateFile: "/tmp/t/server.pem",
  keyFile: "/tmp/t/server.key",
  logDir: "/tmp/t",
};

describe("deploy/nginx/ror-portal.conf", () => {
  it("lets the portal answer every upload up to its largest cap, and not much more", () => {
    const largest = Math.max(...[VERIFICATION_UPLOAD, SERVICE_CERTIFICATE_UPLOAD, CA_CERTIFICATE_UPLOAD, PLATINES_UPLOAD].map(maxBodyBytes));
    const [cap] = values("client_max_body_size");
    expect(bytes(cap!)).toBeGreaterThan(largest);
    expect(bytes(cap!)).toBeLessThan(largest * 1.25);
  });

  it("waits longer than the portal for a stalled upload and for an antivirus scan", () => {
    expect(seconds(values("client_body_timeout")[0]!)).toBeGreaterThan(DEFAULT_IDLE_TIMEOUT_MS / 1000);
    expect(seconds(values("proxy_read_timeout")[0]!)).toBeGreaterThan(DEFAULT_SCAN_TIMEOUT_MS / 1000);
  });

  it("forwards one hop of X-Forwarded-For (TRUSTED_PROXY_COUNT=1), the scheme, the host and a request id", () => {
    expect(values("proxy_set_header")).toEqual(
      expect.arrayContaining([
        "X-Forwarded-For $proxy_add_x_forwarded_for",
        "X-Forwarded-Proto $scheme",
        "Host $http_host",
        "X-Forwarded-Host $http_host",
        "X-Request-Id $request_id",
      ]),
    );
    // A header the portal would read as a client address must never pass a client's value through.
    expect(values("proxy_set_header").some((v) => /^X-Real-IP /i.test(v))).toBe(false);
  });

  it("retries only requests no instance received, and checks instances passively", () => {
    const [retry] = values("proxy_next_upstream");
    expect(retry!.split(/\s+/)).toEqual(["error", "timeout"]);
    const servers = directives.filter((line) => /^server 127\.0\.0\.1:\d+ /.test(line));
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const server of servers) expect(server).toMatch(/max_fails=\d+ fail_timeout=\d+s;$/);
    expect(directives.some((line) => line.startsWith("keepalive "))).toBe(false);
  });

  it("keeps the metrics off the public address", () => {
    expect(source).toMatch(/location = \/api\/metrics \{\s*return 404;\s*\}/);
  });

  it("is rewritten for a test in its addresses, ports and paths only", () => {
    const rewritten = rewriteDeployNginxConfig(source, settings);
    expect(rewritten).toContain("listen 127.0.0.1:3260 ssl http2;");
    expect(rewritten).toContain("listen 127.0.0.1:3261;");
    expect(rewritten).toContain("server 127.0.0.1:3262 max_fails=1 fail_timeout=10s;\n    server 127.0.0.1:3263 max_fails=1 fail_timeout=10s;\n    server 127.0.0.1:3264 max_fails=1 fail_timeout=10s;\n");
    expect(rewritten).not.toMatch(/127\.0\.0\.1:300[12]/);
    expect(rewritten).not.toContain("/var/log/nginx/");
    expect(rewritten).toContain("ssl_certificate /tmp/t/server.pem;");
    expect(rewritten).toContain("server_name localhost;");
    // Everything else is the file as written.
    const strip = (text: string) => text.split("\n").filter((line) => !/listen |server 127|ssl_certificate|server_name|access_log|error_log/.test(line));
    expect(strip(rewritten)).toEqual(strip(source));
  });

  it("refuses to rewrite a file whose directives moved", () => {
    expect(() => rewriteDeployNginxConfig(source.replace("listen 443 ssl http2;", "listen 8443 ssl;"), settings)).toThrow(/listen 443/);
    expect(() => rewriteDeployNginxConfig(source, { ...settings, upstreams: [] })).toThrow();
  });
});
