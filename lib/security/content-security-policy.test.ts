import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from "./content-security-policy";

const nonce = "q2b7n1RkJ0u5pX8yZc3vAw==";
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("admits scripts of this origin, with this response's nonce or a listed hash, never inline ones otherwise", () => {
    const policy = contentSecurityPolicy({ nonce, scriptHashes: ["sha256-abc="] });
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'sha256-abc='`);
    expect(directive(policy, "script-src")).not.toContain("unsafe-inline");
    expect(directive(policy, "script-src")).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins, foreign base URLs and form targets", () => {
    const policy = contentSecurityPolicy({ nonce });
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("default-src 'self'");
  });

  it("lets next dev evaluate code, and only it", () => {
    expect(directive(contentSecurityPolicy({ nonce, development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("refuses a weak nonce", () => {
    expect(() => contentSecurityPolicy({ nonce: "abc" })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy({ nonce: "x'; script-src *; '1234567890123" })).toThrow(/nonce/);
  });
});

describe("securityHeaders", () => {
  it("isolates the browsing context and the resources, and sends HSTS in production mode only", () => {
    expect(securityHeaders({ production: false })).toMatchObject({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin", "X-Content-Type-Options": "nosniff" });
    expect(securityHeaders({ production: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });
});

describe("inlineScriptHashes", () => {
  const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

  it("hashes the text of each inline script exactly, and skips external and empty ones", () => {
    const html =
      `<html><head><script src="/_next/static/a.js" async="" integrity="sha256-x"></script></head><body>` +
      `<script>self.__next_f=self.__next_f||[]</script><script id="_R_">(self.__next_f).push([1,"é\\u003c"])</script>` +
      `<SCRIPT type="text/javascript">a()</SCRIPT ><script></script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha("self.__next_f=self.__next_f||[]"), sha('(self.__next_f).push([1,"é\\u003c"])'), sha("a()")]);
  });

  it("lists a repeated script once", () => {
    expect(inlineScriptHashes("<script>a()</script><script>a()</script>")).toHaveLength(1);
  });
});
