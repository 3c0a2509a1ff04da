import { createHash } from "node:crypto";

// Pure: the security headers of every response (ADR 0024). The script policy admits no inline script but those
// carrying this response's nonce (pages rendered per request: Next puts the nonce it finds in the request's
// Content-Security-Policy on every script it writes) or whose SHA-256 is listed (pages prerendered at build time,
// whose inline scripts are fixed: their hashes are read from the built HTML).

export type PolicyInput = {
  /** Fresh for each response: base64 of at least 128 random bits. */
  nonce: string;
  /** 'sha256-…' sources of the inline scripts of the prerendered page this response serves, if any. */
  scriptHashes?: readonly string[];
  /** `next dev`: React needs eval there for its debugging information, and the hot reloader connects back. */
  development?: boolean;
};

const NONCE = /^[A-Za-z0-9+/]{22,}={0,2}$/;

export function contentSecurityPolicy({ nonce, scriptHashes = [], development = false }: PolicyInput): string {
  if (!NONCE.test(nonce)) throw new Error("nonce must be base64 of at least 128 bits");
  const scripts = ["'self'", `'nonce-${nonce}'`, ...scriptHashes.map((hash) => `'${hash}'`), ...(development ? ["'unsafe-eval'"] : [])];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scripts],
    // Tailwind's stylesheet is a file; React and Next write `style` attributes and a few <style> elements (next dev's
    // overlay, the route announcer). Styles cannot run code: 'unsafe-inline' stays for them only.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["media-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The other headers of every response. HSTS only in production mode, where the portal is reached over https only. */
export function securityHeaders({ production }: { production: boolean }): Record<string, string> {
  return {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The inline <script> elements of an HTML document (those without src), as CSP hash sources, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/(?:^|\s)src\s*=/i.test(attributes) || body === "") continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
