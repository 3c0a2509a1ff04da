import { describe, expect, it } from "vitest";
import { metricsAccess } from "./metrics-token";

const token = "t".repeat(40);

describe("metricsAccess", () => {
  it("opens to the configured bearer token only", () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe("open");
    expect(metricsAccess(token, `bearer ${token}`)).toBe("open");
    expect(metricsAccess(token, `Bearer ${token}x`)).toBe("refused");
    expect(metricsAccess(token, token)).toBe("refused");
    expect(metricsAccess(token, null)).toBe("refused");
    expect(metricsAccess(token, "Bearer ")).toBe("refused");
  });

  it("stays closed without a configured token, whatever is presented", () => {
    expect(metricsAccess(undefined, "Bearer ")).toBe("closed");
    expect(metricsAccess(undefined, `Bearer ${token}`)).toBe("closed");
  });
});
