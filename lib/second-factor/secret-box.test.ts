import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const key = "k".repeat(40);

describe("sealed TOTP secrets", () => {
  it("opens with the same key for the same user only", () => {
    const sealed = sealSecret(key, "user-1", "JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(key, "user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret("x".repeat(40), "user-1", sealed)).toBeNull();
    expect(openSecret(key, "user-2", sealed)).toBeNull();
    expect(openSecret(key, "user-1", sealed.slice(0, -2) + "AA")).toBeNull();
    expect(openSecret(key, "user-1", "garbage")).toBeNull();
  });
});
