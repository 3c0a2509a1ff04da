import { describe, expect, it } from "vitest";
import { routeMatcher, UNMATCHED_ROUTE } from "./route-pattern";

const routeOf = routeMatcher(
  [
    "/",
    "/editeur/services/[serviceId]",
    "/editeur/services/nouveau",
    "/editeur/services/[serviceId]/attestations/[attestationId]",
    "/signature/[token]",
    "/signature/[token]/document",
    "/api/auth/[...nextauth]",
    "/docs/[[...slug]]",
    "/api/health",
  ],
  ["/favicon.ico"],
);

describe("routeMatcher", () => {
  it("names the route, never the path: tokens and ids stay out", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/signature/3kq9XyZ-secret")).toBe("/signature/[token]");
    expect(routeOf("/signature/3kq9XyZ-secret/document")).toBe("/signature/[token]/document");
    expect(routeOf("/editeur/services/cm123/attestations/cm456")).toBe("/editeur/services/[serviceId]/attestations/[attestationId]");
  });

  it("prefers static segments to dynamic ones, and dynamic ones to catch-alls", () => {
    expect(routeOf("/editeur/services/nouveau")).toBe("/editeur/services/nouveau");
    expect(routeOf("/editeur/services/cm123")).toBe("/editeur/services/[serviceId]");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/api/auth")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/docs")).toBe("/docs/[[...slug]]");
    expect(routeOf("/docs/a/b")).toBe("/docs/[[...slug]]");
  });

  it("groups Next's files, names public files, and lumps unknown paths together", () => {
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/favicon.ico")).toBe("/favicon.ico");
    expect(routeOf("/wp-login.php")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/editeur/services/%E0%A4%A")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/api/health/")).toBe("/api/health");
  });
});
