import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { AppError } from "../errors";
import { QUOTA_RANGE_MESSAGE } from "./access-profile-schema";
import {
  accessProfileForEdit,
  createAccessProfile,
  listAccessProfiles,
  listActiveAccessProfiles,
  updateAccessProfile,
} from "./access-profiles.server";
import { createOrganization, createPerson, request } from "./test-fixtures.server";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

async function snapshot() {
  const [profiles, events] = await Promise.all([
    db().accessProfile.findMany({ orderBy: { code: "asc" } }),
    db().event.count(),
  ]);
  return { profiles, events };
}

async function profileByCode(code: string) {
  return db().accessProfile.findUniqueOrThrow({ where: { code } });
}

function formOf(profile: Awaited<ReturnType<typeof profileByCode>>) {
  return {
    label: profile.label,
    description: profile.description,
    requiresCertificate: profile.requiresCertificate,
    level2AuthenticatedPerSecond: profile.level2AuthenticatedPerSecond,
    level2PublicPerSecond: profile.level2PublicPerSecond,
    sortOrder: profile.sortOrder,
    active: profile.active,
    lastUpdatedAt: profile.updatedAt.toISOString(),
  };
}

describe("the access-profile catalogue", () => {
  it("is seeded with the profiles 0 to 4 of charter 0.1, with their default quotas", async () => {
    const profiles = await listActiveAccessProfiles();
    expect(profiles.map((p) => p.code)).toEqual(["0", "1", "2", "3", "4"]);
    expect(profiles[0]).toMatchObject({ requiresCertificate: false, quotas: { authenticatedPerSecond: 10, publicPerSecond: 5 } });
    expect(Object.keys(profiles[0]!).sort()).toEqual(["code", "description", "id", "label", "quotas", "requiresCertificate"]);
    expect(profiles[3]!.description).toMatch(/social et médico-social/);
  });

  it("is managed by ANS administrators only: reviewers and editors can neither read the admin list nor change it", async () => {
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const { legalRepresentative, member } = await createOrganization();
    const profile = await profileByCode("2");
    const before = await snapshot();
    for (const actor of [reviewer, legalRepresentative, member]) {
      expect((await rejection(listAccessProfiles(actor))).code).toBe("FORBIDDEN");
      expect((await rejection(accessProfileForEdit(actor, profile.id))).code).toBe("FORBIDDEN");
      const change = { ...formOf(profile), level2AuthenticatedPerSecond: 50 };
      expect((await rejection(updateAccessProfile(actor, profile.id, change, request))).code).toBe("FORBIDDEN");
      const created = { ...formOf(profile), code: "9" };
      expect((await rejection(createAccessProfile(actor, created, request))).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets an administrator change default quotas, audited with what changed", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const profile = await profileByCode("1");
    const result = await updateAccessProfile(admin, profile.id, { ...formOf(profile), level2AuthenticatedPerSecond: 20, label: "Profil 1 — tout" }, request);
    expect(result.changed.sort()).toEqual(["label", "level2AuthenticatedPerSecond"]);
    expect(await profileByCode("1")).toMatchObject({ level2AuthenticatedPerSecond: 20, level2PublicPerSecond: 5, label: "Profil 1 — tout" });
    const event = await db().event.findFirstOrThrow({ where: { name: "access_profile.updated", subjectId: profile.id }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: admin.userId, personalData: expect.objectContaining({ ip: "198.51.100.23" }) });
    expect(event.payload).toEqual({
      code: "1",
      changes: {
        label: { from: profile.label, to: "Profil 1 — tout" },
        level2AuthenticatedPerSecond: { from: 10, to: 20 },
      },
    });
    // Saving the same values again records nothing.
    const events = await db().event.count();
    expect((await updateAccessProfile(admin, profile.id, formOf(await profileByCode("1")), request)).changed).toEqual([]);
    expect(await db().event.count()).toBe(events);
  });

  it.each([
    ["level2AuthenticatedPerSecond", { level2AuthenticatedPerSecond: 1001 }, QUOTA_RANGE_MESSAGE],
    ["level2PublicPerSecond", { level2PublicPerSecond: 0 }, QUOTA_RANGE_MESSAGE],
    ["level2PublicPerSecond", { level2PublicPerSecond: 2.5 }, QUOTA_RANGE_MESSAGE],
    ["level2PublicPerSecond", { level2PublicPerSecond: "5" }, QUOTA_RANGE_MESSAGE],
    ["label", { label: "x".repeat(121) }, "Le libellé ne peut pas dépasser 120 caractères."],
    ["description", { description: "" }, "Saisissez la description du profil."],
  ])("refuses a bad %s with a French message and writes nothing", async (field, change, message) => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const profile = await profileByCode("3");
    const before = await snapshot();
    const error = await rejection(updateAccessProfile(admin, profile.id, { ...formOf(profile), level2AuthenticatedPerSecond: 30, ...change }, request));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors[field]).toBe(message);
    expect(await snapshot()).toEqual(before);
  });

  it("never overwrites a change made meanwhile by someone else", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const opened = formOf(await profileByCode("4"));
    await updateAccessProfile(admin, (await profileByCode("4")).id, { ...opened, level2PublicPerSecond: 7 }, request);
    const before = await snapshot();
    const error = await rejection(updateAccessProfile(admin, (await profileByCode("4")).id, { ...opened, level2PublicPerSecond: 9 }, request));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/modifié entre-temps/);
    expect(await snapshot()).toEqual(before);
    expect((await profileByCode("4")).level2PublicPerSecond).toBe(7);
  });

  it("answers not found for an unknown or malformed id", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const profile = await profileByCode("0");
    for (const id of ["00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
      expect((await rejection(updateAccessProfile(admin, id, formOf(profile), request))).code).toBe("NOT_FOUND");
      expect(await accessProfileForEdit(admin, id)).toBeNull();
    }
  });

  it("lets an administrator add a profile and deactivate one; inactive profiles are not offered to editors", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const created = await createAccessProfile(
      admin,
      {
        code: "5",
        label: "Profil 5 — modèle d'exposition 3.0",
        description: "Profil du modèle d'exposition 3.0.",
        requiresCertificate: true,
        level2AuthenticatedPerSecond: 15,
        level2PublicPerSecond: 5,
        sortOrder: 5,
        active: true,
      },
      request,
    );
    expect((await listActiveAccessProfiles()).map((p) => p.code)).toContain("5");
    expect(await db().event.count({ where: { name: "access_profile.updated", subjectId: created.id } })).toBe(1);

    const duplicate = await rejection(createAccessProfile(admin, { ...formOf(await profileByCode("5")), code: "5" }, request));
    expect(duplicate.fieldErrors.code).toBe("Le profil « 5 » existe déjà. Choisissez un autre code ou modifiez le profil existant.");

    const five = await profileByCode("5");
    await updateAccessProfile(admin, five.id, { ...formOf(five), active: false }, request);
    expect((await listActiveAccessProfiles()).map((p) => p.code)).not.toContain("5");
    expect((await listAccessProfiles(admin)).find((p) => p.code === "5")?.active).toBe(false);
  });

  it("orders the catalogue by sort order, then code", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const base = { label: "Profil B", description: "Test.", requiresCertificate: true, level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, active: true };
    await createAccessProfile(admin, { ...base, code: "B", sortOrder: 0 }, request);
    await createAccessProfile(admin, { ...base, code: "A", sortOrder: 0 }, request);
    const codes = (await listActiveAccessProfiles()).map((p) => p.code);
    expect(codes.slice(0, 3)).toEqual(["0", "A", "B"]);
  });
});
