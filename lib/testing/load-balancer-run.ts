// What the load-balancer phase's server (scripts/load-balancer-server.ts), its specs and its benchmark share: the
// ports, from LOAD_BALANCER_PORT (else E2E_PORT + 10), and a folder under the temporary directory (ADR 0055).
import os from "node:os";
import path from "node:path";

export type LoadBalancerPorts = {
  /** nginx, TLS: the portal's public address. */
  https: number;
  /** nginx, plain HTTP: redirects only. */
  http: number;
  /** The two production instances behind it. */
  instances: [number, number];
  /** The server's control endpoint (stop an instance, read the delivered mail). */
  control: number;
  /** The benchmark's second nginx, with the first instance alone behind it. */
  single: number;
};

export function loadBalancerPorts(env: Record<string, string | undefined> = process.env): LoadBalancerPorts {
  const base = Number(env.LOAD_BALANCER_PORT ?? Number(env.E2E_PORT ?? "3100") + 10);
  return { https: base, http: base + 1, instances: [base + 2, base + 3], control: base + 4, single: base + 5 };
}

export function loadBalancerRunDir(httpsPort: number): string {
  return path.join(os.tmpdir(), `ror-load-balancer-${httpsPort}`);
}
