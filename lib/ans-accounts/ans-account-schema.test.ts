import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAnsAccountSchema, isAnsAccount, oneTimePassword } from "./ans-account-schema";

describe("ANS account forms", () => {
  it("normalises the e-mail and reads the admin checkbox", () => {
    expect(createAnsAccountSchema.parse({ name: " Inès ", email: " Ines@ANS.fr ", admin: "on" })).toEqual({ name: "Inès", email: "ines@ans.fr", admin: true });
    expect(createAnsAccountSchema.parse({ name: "Inès", email: "ines@ans.fr" }).admin).toBe(false);
  });

  it("refuses a blank name and a wrong e-mail, in French", () => {
    const result = createAnsAccountSchema.safeParse({ name: " ", email: "pas-une-adresse" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Saisissez les nom et prénom.");
    expect(messages.some((m) => m.startsWith("Saisissez une adresse e-mail valide"))).toBe(true);
  });

  it("tells ANS accounts from editors", () => {
    expect(isAnsAccount(["ANS_REVIEWER"])).toBe(true);
    expect(isAnsAccount(["ANS_ADMIN"])).toBe(true);
    expect(isAnsAccount(["EDITOR"])).toBe(false);
  });
});

describe("one-time passwords", () => {
  it("are 4 groups of 5 unambiguous characters (more than 12 characters, as sign-in requires)", () => {
    const password = oneTimePassword((n) => randomBytes(n));
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$/);
  });

  it("depend on the random bytes only and skip bytes that would bias the draw", () => {
    const zeros = oneTimePassword((n) => new Uint8Array(n));
    expect(zeros).toBe("AAAAA-AAAAA-AAAAA-AAAAA");
    // 255 is above the largest multiple of the alphabet's size: always skipped, then 1 → "B".
    let call = 0;
    const skewed = oneTimePassword((n) => new Uint8Array(n).fill(call++ === 0 ? 255 : 1));
    expect(skewed).toBe("BBBBB-BBBBB-BBBBB-BBBBB");
  });

  it("differ from one draw to the next", () => {
    const drawn = new Set(Array.from({ length: 50 }, () => oneTimePassword((n) => randomBytes(n))));
    expect(drawn.size).toBe(50);
  });
});
