// deploy/nginx/ror-portal.conf run as it is by Debian's nginx, without root, for the load-balancer phase and its
// benchmark (ADR 0055). Only addresses, ports and paths are rewritten, each rewrite checked to apply, so that the tests
// exercise the file an operator installs; nothing else of the file is touched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { projectRoot } from "../runtime/database-tools";

export const DEPLOY_NGINX_CONFIG = path.join(projectRoot, "deploy", "nginx", "ror-portal.conf");
const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"];

export type DeployNginxSettings = {
  /** Where the HTTPS server listens (443 in the file). */
  httpsPort: number;
  /** Where the redirecting HTTP server listens (80 in the file). */
  httpPort: number;
  /** host:port of each instance, in the upstream's order. */
  upstreams: readonly string[];
  certificateFile: string;
  keyFile: string;
  /** Folder for the logs nginx writes. */
  logDir: string;
  serverName?: string;
};

/** Replaces every occurrence of `from`, which must occur at least once. */
function replaceEvery(source: string, from: string | RegExp, to: string, what: string): string {
  const pattern = typeof from === "string" ? null : new RegExp(from.source, `${from.flags.replace("g", "")}g`);
  const matches = pattern ? [...source.matchAll(pattern)].length : source.split(from as string).length - 1;
  if (matches === 0) throw new Error(`deploy/nginx/ror-portal.conf : « ${what} » introuvable, la réécriture de test ne s'applique plus.`);
  return pattern ? source.replace(pattern, to) : source.split(from as string).join(to);
}

/** Pure: the deployment file with the test's addresses, ports and paths; throws when a rewrite no longer applies. */
export function rewriteDeployNginxConfig(source: string, settings: DeployNginxSettings): string {
  if (settings.upstreams.length === 0) throw new Error("au moins une instance");
  const serverLines = [...source.matchAll(/^( *)server 127\.0\.0\.1:\d+( [^;]*);$/gm)];
  if (serverLines.length < 2) throw new Error("deploy/nginx/ror-portal.conf : l'upstream devrait nommer au moins deux instances.");
  const [first] = serverLines;
  const indent = first![1]!;
  const parameters = first![2]!;
  // Every instance line gives way to the test's instances, with the same parameters (max_fails, fail_timeout).
  let text = source.replace(/^ *server 127\.0\.0\.1:\d+ [^;]*;\n/gm, (line) =>
    line === first![0] + "\n" ? settings.upstreams.map((address) => `${indent}server ${address}${parameters};\n`).join("") : "",
  );
  text = replaceEvery(text, /^( *)listen 80;$/m, `$1listen 127.0.0.1:${settings.httpPort};`, "listen 80;");
  text = replaceEvery(text, /^( *)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${settings.httpsPort} ssl http2;`, "listen 443 ssl http2;");
  text = replaceEvery(text, "/etc/ssl/ror-portal/fullchain.pem", settings.certificateFile, "ssl_certificate");
  text = replaceEvery(text, "/etc/ssl/ror-portal/privkey.pem", settings.keyFile, "ssl_certificate_key");
  text = replaceEvery(text, "/var/log/nginx/", `${settings.logDir}/`, "/var/log/nginx/");
  text = replaceEvery(text, "server_name portail.example.fr;", `server_name ${settings.serverName ?? "localhost"};`, "server_name");
  if (/^ *listen (?!127\.0\.0\.1:)/m.test(text)) throw new Error("deploy/nginx/ror-portal.conf : une directive listen que la réécriture de test ne connaît pas.");
  return text;
}

/** Pure: a main nginx.conf for an unprivileged nginx holding everything in `dir`, around the deployment file. */
export function testMainConfig(dir: string, includeFile: string): string {
  const at = (name: string) => path.join(dir, name);
  return `worker_processes 1;
error_log ${at("error.log")} warn;
pid ${at("nginx.pid")};
events { worker_connections 1024; }
http {
    types { text/html html; }
    client_body_temp_path ${at("client_body")};
    proxy_temp_path ${at("proxy")};
    fastcgi_temp_path ${at("fastcgi")};
    uwsgi_temp_path ${at("uwsgi")};
    scgi_temp_path ${at("scgi")};
    include ${includeFile};
}
`;
}

export function nginxBinary(): string {
  const found = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error("nginx absent : apt-get install -y nginx-light (npm test l'installe en root).");
  return found;
}

export type DeployNginx = { process: ChildProcess; dir: string; stop: () => Promise<void> };

async function waitForPort(port: number, deadline: number, errorLog: string): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx n'écoute pas sur ${port} : ${existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""}`);
}

/** Starts Debian's nginx (no root needed) with the deployment file rewritten for `settings`, all its files in `dir`. */
export async function startDeployNginx(dir: string, settings: Omit<DeployNginxSettings, "logDir">): Promise<DeployNginx> {
  mkdirSync(dir, { recursive: true });
  // Worker processes run as `nobody` when the master is root.
  chmodSync(dir, 0o755);
  const site = path.join(dir, "ror-portal.conf");
  writeFileSync(site, rewriteDeployNginxConfig(readFileSync(DEPLOY_NGINX_CONFIG, "utf8"), { ...settings, logDir: dir }));
  const main = path.join(dir, "nginx.conf");
  writeFileSync(main, testMainConfig(dir, site));
  const binary = nginxBinary();
  const check = spawnSync(binary, ["-t", "-c", main, "-p", `${dir}/`], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t : ${check.stderr}`);
  const child = spawn(binary, ["-c", main, "-p", `${dir}/`, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(settings.httpsPort, Date.now() + 10_000, path.join(dir, "error.log"));
  return {
    process: child,
    dir,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGQUIT"); // graceful
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
