import { describe, expect, it } from "vitest";
import { checkTotp, groupedSecret, newTotpSecret, timeStep, totpCodeAt, totpUri } from "./totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = new Date("2026-12-10T10:00:15Z");
const step = timeStep(now);

describe("TOTP", () => {
  it("accepts the code of the current step, and one step either side", () => {
    expect(checkTotp(secret, totpCodeAt(secret, step), null, now)).toEqual({ ok: true, step });
    expect(checkTotp(secret, totpCodeAt(secret, step - 1), null, now)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(secret, totpCodeAt(secret, step + 1), null, now)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses a code from two windows ago, or two ahead", () => {
    expect(checkTotp(secret, totpCodeAt(secret, step - 2), null, now)).toEqual({ ok: false, reason: "wrong" });
    expect(checkTotp(secret, totpCodeAt(secret, step + 2), null, now)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a wrong code and anything that is not six digits", () => {
    const right = totpCodeAt(secret, step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(checkTotp(secret, wrong, null, now).ok).toBe(false);
    for (const junk of ["", "12345", "1234567", "abcdef", "12 34 5a"]) expect(checkTotp(secret, junk, null, now)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a replayed code, and an older one once a newer was used", () => {
    const code = totpCodeAt(secret, step);
    expect(checkTotp(secret, code, step, now)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(secret, totpCodeAt(secret, step - 1), step, now)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(secret, totpCodeAt(secret, step + 1), step, now)).toEqual({ ok: true, step: step + 1 });
  });

  it("reads codes typed with spaces", () => {
    const code = totpCodeAt(secret, step);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now).ok).toBe(true);
  });

  it("makes 160-bit secrets and an otpauth URI for SHA-1, 6 digits, 30 s", () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(fresh, "instructeur@ans-demo.fr"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("secret")).toBe(fresh);
    expect(groupedSecret("ABCDEFGH")).toBe("ABCD EFGH");
  });
});
