import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes of ten characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it("hashes the same whatever the case, spaces or dashes, and reads look-alike letters", () => {
    const [code] = newRecoveryCodes();
    expect(hashRecoveryCode(code!.toLowerCase().replace("-", " "))).toBe(hashRecoveryCode(code!));
    expect(normalizeRecoveryCode("o1il0-abcde")).toBe("01110ABCDE");
    expect(hashRecoveryCode(code!)).not.toContain(normalizeRecoveryCode(code!));
  });

  it("tells a recovery code from a TOTP code", () => {
    expect(looksLikeRecoveryCode("ABCDE-12345")).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("ABCDE-1234U")).toBe(false);
  });
});
