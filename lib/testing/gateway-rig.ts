// A real gateway for tests and the benchmark (issue 25): Debian's nginx run unprivileged with the sync agent's
// directory included, the agent as its own Node process, and the portal's gateway route handlers served over real
// HTTP on loopback (the same functions the Next.js routes call). Test code only.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { PEER_ADDRESS_HEADER } from "../client-address";
import { gatewayConfigurationResponse, gatewayReportResponse } from "../gateway/api.server";
import { NGINX_HTTP_FILE, NGINX_SERVER_FILE } from "../whitelist/nginx-config";

export const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"];
const AGENT = path.resolve(import.meta.dirname, "../../deploy/gateway-agent/agent.ts");
/** Node 24 (the `node` npm package), which runs the agent's TypeScript as is. */
const NODE = path.resolve(import.meta.dirname, "../../node_modules/.bin/node");

export function nginxBinary(): string {
  const found = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error("nginx is not installed: run `apt-get install -y nginx-light` (.ci/run installs it). This test needs it.");
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The portal's gateway API over HTTP: GET configuration, POST reports, through the product's handlers. */
export async function startPortalGatewayApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress ?? "127.0.0.1");
      const method = req.method ?? "GET";
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks) });
      const pathname = new URL(request.url).pathname;
      const options = { callsPerMinute: 100_000 };
      const response =
        pathname === "/api/v1/gateway/configuration" && method === "GET"
          ? await gatewayConfigurationResponse(request, options)
          : pathname === "/api/v1/gateway/reports" && method === "POST"
            ? await gatewayReportResponse(request, options)
            : new Response("introuvable", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type Rig = {
  directory: string;
  /** The agent's directory: nginx includes its `current` release. */
  agentDir: string;
  confPath: string;
  port: number;
  nginx: ChildProcess | null;
  agent: ChildProcess | null;
  agentLog: string[];
};

/**
 * The main nginx.conf: includes the agent's current release in http { } and in a mutual-TLS server { }, and proxies
 * to a backend. `GATEWAY_CA_BUNDLE_DIR` must be `${agentDir}/current` for the generated CA path to match.
 */
export function writeMainConf(rig: Rig, backendPort: number, server: { cert: string; key: string }): void {
  const temp = (name: string) => path.join(rig.directory, name);
  writeFileSync(temp("server.pem"), server.cert);
  writeFileSync(temp("server.key"), server.key, { mode: 0o600 });
  writeFileSync(
    rig.confPath,
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
    include ${path.join(rig.agentDir, "current", NGINX_HTTP_FILE)};
    server {
        listen 127.0.0.1:${rig.port} ssl;
        server_name localhost;
        ssl_certificate ${temp("server.pem")};
        ssl_certificate_key ${temp("server.key")};
        include ${path.join(rig.agentDir, "current", NGINX_SERVER_FILE)};
        location / {
            proxy_pass http://127.0.0.1:${backendPort};
        }
    }
}
`,
  );
}

export function newRig(directory: string, port: number): Rig {
  const agentDir = path.join(directory, "ror");
  mkdirSync(agentDir, { recursive: true });
  return { directory, agentDir, confPath: path.join(directory, "nginx.conf"), port, nginx: null, agent: null, agentLog: [] };
}

export function startAgent(rig: Rig, portalUrl: string, tokenFile: string, intervalSeconds: number): ChildProcess {
  const agent = spawn(
    NODE,
    [AGENT, "--environment", "TEST", "--portal", portalUrl, "--token-file", tokenFile, "--nginx-dir", rig.agentDir, "--interval", String(intervalSeconds), "--nginx", nginxBinary(), "--nginx-conf", rig.confPath, "--nginx-prefix", rig.directory],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  agent.stdout!.setEncoding("utf8").on("data", (chunk: string) => rig.agentLog.push(chunk));
  agent.stderr!.setEncoding("utf8").on("data", (chunk: string) => rig.agentLog.push(chunk));
  rig.agent = agent;
  return agent;
}

/** Starts nginx in the foreground once the agent has installed a first release. */
export async function startNginx(rig: Rig): Promise<void> {
  await waitFor("the agent's first release", () => (existsSync(path.join(rig.agentDir, "current")) && lstatSync(path.join(rig.agentDir, "current")).isSymbolicLink() ? true : undefined), 30_000);
  const nginx = spawn(nginxBinary(), ["-c", rig.confPath, "-p", `${rig.directory}/`, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  rig.nginx = nginx;
  await waitFor(
    `nginx on ${rig.port}`,
    () =>
      new Promise<true | undefined>((resolve) => {
        const socket = net.connect(rig.port, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve(true)));
        socket.once("error", () => resolve(undefined));
      }),
    10_000,
    50,
  ).catch((error: unknown) => {
    const log = existsSync(path.join(rig.directory, "error.log")) ? readFileSync(path.join(rig.directory, "error.log"), "utf8") : "";
    throw new Error(`${String(error)}\n${log}`);
  });
}

async function stop(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const done = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 5000))]);
  if (done === "timeout") child.kill("SIGKILL");
}

export async function stopRig(rig: Rig): Promise<void> {
  await stop(rig.agent, "SIGTERM");
  await stop(rig.nginx, "SIGQUIT");
}

/** A GET through nginx with a client certificate (or none). */
export function mtlsGet(port: number, serverCa: string, client: { cert: string; key: string } | null, requestPath = "/fhir/Organization"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: "127.0.0.1", port, path: requestPath, method: "GET", ca: serverCa, servername: "localhost", checkServerIdentity: () => undefined, agent: false, ...(client ?? {}) },
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
