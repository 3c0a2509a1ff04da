import { describe, expect, it } from "vitest";
import { accessProfileChanges } from "./access-profile-changes";
import { createAccessProfileSchema, QUOTA_RANGE_MESSAGE, updateAccessProfileSchema } from "./access-profile-schema";

const profile = {
  label: "Profil 2 — données restreintes",
  description: "Accès aux données restreintes.",
  requiresCertificate: true,
  level2AuthenticatedPerSecond: 10,
  level2PublicPerSecond: 5,
  sortOrder: 2,
  active: true,
};

describe("accessProfileChanges", () => {
  it("lists only the fields that differ, with old and new values", () => {
    expect(accessProfileChanges(profile, { ...profile, level2PublicPerSecond: 8, active: false })).toEqual({
      level2PublicPerSecond: { from: 5, to: 8 },
      active: { from: true, to: false },
    });
    expect(accessProfileChanges(profile, { ...profile })).toEqual({});
  });

  it("ignores fields that are not part of the catalogue entry", () => {
    expect(accessProfileChanges({ ...profile, id: "a" } as typeof profile, { ...profile, id: "b" } as typeof profile)).toEqual({});
  });
});

describe("access profile schemas", () => {
  const update = { ...profile, lastUpdatedAt: "2026-01-01T10:00:00.000Z" };

  it.each([0, 1001, 2.5, Number.NaN, "10"])("refuses the quota %s with the allowed range in French", (value) => {
    const result = updateAccessProfileSchema.safeParse({ ...update, level2AuthenticatedPerSecond: value });
    expect(result.error?.issues[0]).toMatchObject({ path: ["level2AuthenticatedPerSecond"], message: QUOTA_RANGE_MESSAGE });
    expect(QUOTA_RANGE_MESSAGE).toBe("Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.");
  });

  it.each([1, 1000])("accepts the quota %s", (value) => {
    expect(updateAccessProfileSchema.safeParse({ ...update, level2PublicPerSecond: value }).success).toBe(true);
  });

  it("trims and bounds the label and the description", () => {
    expect(updateAccessProfileSchema.safeParse({ ...update, label: "  " }).error?.issues[0]?.message).toBe("Saisissez le libellé du profil.");
    expect(updateAccessProfileSchema.safeParse({ ...update, description: "x".repeat(2001) }).error?.issues[0]?.message).toBe(
      "La description ne peut pas dépasser 2000 caractères.",
    );
    expect(updateAccessProfileSchema.parse({ ...update, label: "  Profil 2  " }).label).toBe("Profil 2");
  });

  it("accepts codes like 5 or 3.0-bis and refuses spaces, accents and markup", () => {
    for (const code of ["5", "3.0-bis", "P_6"]) expect(createAccessProfileSchema.safeParse({ ...profile, code }).success).toBe(true);
    for (const code of ["", " ", "é", "5 bis", "<b>", "-5", "x".repeat(21)]) {
      expect(createAccessProfileSchema.safeParse({ ...profile, code }).success).toBe(false);
    }
  });
});
