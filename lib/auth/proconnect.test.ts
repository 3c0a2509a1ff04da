import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../env";
import {
  acrAllowsSignIn,
  PROCONNECT_FAILURE_MESSAGES,
  proConnectConfig,
  proConnectDisplayName,
  proConnectSatisfiesSecondFactor,
  readProConnectClaims,
} from "./proconnect";

const valid = { DATABASE_URL: "postgresql://u:p@localhost/db", AUTH_SECRET: "x".repeat(32) };
const proConnect = {
  PROCONNECT_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2",
  PROCONNECT_CLIENT_ID: "client",
  PROCONNECT_CLIENT_SECRET: "secret",
};

describe("ProConnect settings", () => {
  it("are off without any, on with the three", () => {
    expect(proConnectConfig(parseEnv(valid))).toBeNull();
    expect(proConnectConfig(parseEnv({ ...valid, ...proConnect, PROCONNECT_ACR_VALUES: "eidas2 eidas3" }))).toEqual({
      issuer: proConnect.PROCONNECT_ISSUER,
      clientId: "client",
      clientSecret: "secret",
      acrValues: ["eidas2", "eidas3"],
    });
  });

  it("refuse one or two of the three, naming each missing one", () => {
    try {
      parseEnv({ ...valid, PROCONNECT_ISSUER: proConnect.PROCONNECT_ISSUER });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).message).toMatch(/PROCONNECT_CLIENT_ID: .*les trois ou aucun/);
      expect((error as EnvError).message).toMatch(/PROCONNECT_CLIENT_SECRET: .*les trois ou aucun/);
      expect((error as EnvError).message).not.toMatch(/PROCONNECT_ISSUER:/);
    }
  });

  it("want an https issuer, http only on loopback", () => {
    expect(() => parseEnv({ ...valid, ...proConnect, PROCONNECT_ISSUER: "http://idp.example" })).toThrow(/PROCONNECT_ISSUER: doit commencer par https/);
    expect(() => parseEnv({ ...valid, ...proConnect, PROCONNECT_ISSUER: "http://127.0.0.1.evil.example/" })).toThrow(/PROCONNECT_ISSUER/);
    expect(parseEnv({ ...valid, ...proConnect, PROCONNECT_ISSUER: "http://127.0.0.1:4100" }).PROCONNECT_ISSUER).toBe("http://127.0.0.1:4100");
    expect(() => parseEnv({ ...valid, ...proConnect, PROCONNECT_ACR_VALUES: "eidas2,eidas3" })).toThrow(/PROCONNECT_ACR_VALUES/);
  });
});

const userInfo = { sub: "abc", email: "Camille.Durand@Exemple.fr", given_name: "Camille", usual_name: "Durand", siret: "90123456700013" };

describe("readProConnectClaims", () => {
  it("keeps the e-mail (lower case), names, SIRET and acr", () => {
    expect(readProConnectClaims(userInfo, "eidas2")).toEqual({
      ok: true,
      claims: { sub: "abc", email: "camille.durand@exemple.fr", givenName: "Camille", usualName: "Durand", siret: "90123456700013", acr: "eidas2" },
    });
  });

  it("refuses a missing, empty or invalid SIRET, and missing names or e-mail", () => {
    for (const siret of [undefined, null, "", "1234567890123", "9012345670001A"]) {
      expect(readProConnectClaims({ ...userInfo, siret }, null)).toEqual({ ok: false, reason: "missing_siret" });
    }
    expect(readProConnectClaims({ ...userInfo, email: "pas une adresse" }, null)).toEqual({ ok: false, reason: "invalid_claims" });
    expect(readProConnectClaims({ ...userInfo, usual_name: " " }, null)).toEqual({ ok: false, reason: "invalid_claims" });
    expect(readProConnectClaims("eyJ.not.json", null)).toEqual({ ok: false, reason: "invalid_claims" });
  });
});

describe("acr and the second factor", () => {
  const config = { acrValues: ["eidas2", "eidas3"] };
  const ans = { roles: ["ANS_REVIEWER"] as const };
  const editor = { roles: ["EDITOR"] as const };

  it("an ANS account at a configured acr passes its second factor; below it, it may not sign in", () => {
    expect(proConnectSatisfiesSecondFactor({ acr: "eidas3" }, config, ans)).toBe(true);
    expect(proConnectSatisfiesSecondFactor({ acr: "eidas1" }, config, ans)).toBe(false);
    expect(proConnectSatisfiesSecondFactor({ acr: null }, config, ans)).toBe(false);
    expect(acrAllowsSignIn({ acr: "eidas1" }, config, ans)).toBe(false);
    expect(acrAllowsSignIn({ acr: "eidas2" }, config, { roles: ["ANS_ADMIN"] })).toBe(true);
  });

  it("no configured acr: no ANS account passes; editors sign in at any acr, and never count as a second factor here", () => {
    expect(acrAllowsSignIn({ acr: "eidas3" }, { acrValues: [] }, ans)).toBe(false);
    expect(acrAllowsSignIn({ acr: null }, config, editor)).toBe(true);
    expect(proConnectSatisfiesSecondFactor({ acr: "eidas3" }, config, editor)).toBe(false);
  });
});

it("names a person from the claims, and every failure has its French message", () => {
  expect(proConnectDisplayName({ givenName: " Jean  Pierre", usualName: "Martin " })).toBe("Jean Pierre Martin");
  for (const message of Object.values(PROCONNECT_FAILURE_MESSAGES)) expect(message).toMatch(/[.]$/);
});
