import { describe, expect, it } from "vitest";
import { bodyGuardRefusal, SMALL_BODY_LIMIT_BYTES } from "./body-guard";

describe("the HTTP server's body guard", () => {
  it("refuses a page or server-action body announced above the server-action limit, and a body of unknown length", () => {
    expect(bodyGuardRefusal("POST", "/verification", { "content-length": String(SMALL_BODY_LIMIT_BYTES + 1) })?.status).toBe(413);
    expect(bodyGuardRefusal("POST", "/editeur/services/x/platines", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(bodyGuardRefusal("POST", "/verification", { "content-length": String(SMALL_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it("leaves the streaming routes, which count their own bytes, and bodiless requests alone", () => {
    expect(bodyGuardRefusal("POST", "/api/verification", { "content-length": String(60_000_000) })).toBeNull();
    expect(bodyGuardRefusal("GET", "/verification", { "content-length": String(60_000_000) })).toBeNull();
    expect(bodyGuardRefusal("POST", "/connexion", {})).toBeNull();
  });

  it("uses the limit next.config.js gives server actions", async () => {
    const config = (await import("../../next.config.js")).default as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } };
    expect(config.experimental.serverActions.bodySizeLimit).toBe("1mb");
    expect(config.experimental.proxyClientMaxBodySize).toBe("1mb");
    expect(SMALL_BODY_LIMIT_BYTES).toBe(1024 * 1024);
  });
});
