import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { authenticate } from "./authenticate.server";
import { hashPassword } from "./password.server";
import { MAX_FAILURES_PER_ACCOUNT } from "./sign-in-limit";

const request = { ip: "198.51.100.1", userAgent: "vitest" };
const password = "mot de passe correct";

beforeAll(async () => {
  const passwordHash = await hashPassword(password);
  await db().user.createMany({
    data: [
      { email: "actif@exemple.fr", name: "Actif", passwordHash, roles: ["EDITOR"] },
      { email: "desactive@exemple.fr", name: "Désactivé", passwordHash, roles: ["EDITOR"], status: "DISABLED" },
      { email: "bloque@exemple.fr", name: "Bloqué", passwordHash, roles: ["EDITOR"] },
    ],
  });
});

describe("authenticate", () => {
  it("accepts the right password, whatever the e-mail's case, and records the sign-in", async () => {
    const result = await authenticate({ email: " Actif@Exemple.fr ", password }, request);
    expect(result).toEqual({ ok: true, userId: expect.any(String) });
    expect(await db().event.count({ where: { name: "user.signed_in" } })).toBe(1);
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a disabled account", async () => {
    const answers = await Promise.all([
      authenticate({ email: "actif@exemple.fr", password: "faux" }, request),
      authenticate({ email: "inconnu@exemple.fr", password }, request),
      authenticate({ email: "desactive@exemple.fr", password }, request),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("blocks an account after repeated failures, even with the right password, without touching others", async () => {
    const other = { ip: "198.51.100.2", userAgent: "vitest" };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await authenticate({ email: "bloque@exemple.fr", password: "faux" }, other)).toMatchObject({ ok: false });
    }
    expect(await authenticate({ email: "bloque@exemple.fr", password }, other)).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authenticate({ email: "actif@exemple.fr", password }, other)).toMatchObject({ ok: true });
    expect(await db().event.count({ where: { name: "user.sign_in_rate_limited" } })).toBe(1);
  });
});
