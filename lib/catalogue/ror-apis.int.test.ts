import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { QUOTA_RANGE_MESSAGE } from "../vocabulary";
import { PREFIX_FORMAT_MESSAGE } from "./ror-api-schema";
import { apisInUse, createRorApi, listRorApis, retireRorApi, updateRorApi } from "./ror-apis.server";
import { createOrganization, createPerson, request } from "../testing/catalogue-fixtures.server";
import { rejection } from "../testing/rejection";

async function snapshot() {
  const [apis, events] = await Promise.all([db().gatewayApi.findMany({ orderBy: { id: "asc" } }), db().event.count()]);
  return { apis, events };
}

const form = (overrides: Record<string, unknown> = {}) => ({ name: "API annuaire", pathPrefix: "/annuaire/", kind: "AUTHENTICATED", level1PerSecond: "50", ...overrides });

describe("the ROR API catalogue", () => {
  it("is seeded with the FHIR API, the legacy web services and the open-data API at 100 calls per second", async () => {
    const apis = await apisInUse();
    expect(apis.map(({ name, pathPrefix, kind, level1PerSecond }) => ({ name, pathPrefix, kind, level1PerSecond }))).toEqual([
      { name: "API FHIR du ROR", pathPrefix: "/fhir/", kind: "AUTHENTICATED", level1PerSecond: 100 },
      { name: "API open data du ROR", pathPrefix: "/opendata/", kind: "PUBLIC", level1PerSecond: 100 },
      { name: "Services web historiques du ROR", pathPrefix: "/ws/", kind: "AUTHENTICATED", level1PerSecond: 100 },
    ]);
  });

  it("is managed by administrators only: reviewers and editors are refused and nothing is written", async () => {
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const { legalRepresentative, member } = await createOrganization();
    const [fhir] = await apisInUse();
    const before = await snapshot();
    for (const actor of [reviewer, legalRepresentative, member]) {
      expect((await rejection(listRorApis(actor))).code).toBe("FORBIDDEN");
      expect((await rejection(createRorApi(actor, form(), request))).code).toBe("FORBIDDEN");
      const change = { ...form({ pathPrefix: "/fhir/", level1PerSecond: 1000 }), lastUpdatedAt: fhir!.updatedAt.toISOString() };
      expect((await rejection(updateRorApi(actor, fhir!.id, change, request))).code).toBe("FORBIDDEN");
      expect((await rejection(retireRorApi(actor, fhir!.id, request))).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses hostile or wrong input with the error next to its field, writing nothing", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string | RegExp][] = [
      [{ pathPrefix: "/fhir/r4/" }, "pathPrefix", /recouvre celui de l'API « API FHIR du ROR » \(\/fhir\/\)/],
      [{ pathPrefix: "/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/a;return 200;/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/$host/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/a{b}/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "~/regex.*/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/a%2Fb/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/../" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ pathPrefix: "/a b/" }, "pathPrefix", PREFIX_FORMAT_MESSAGE],
      [{ level1PerSecond: "0" }, "level1PerSecond", QUOTA_RANGE_MESSAGE],
      [{ level1PerSecond: "1001" }, "level1PerSecond", QUOTA_RANGE_MESSAGE],
      [{ level1PerSecond: "2.5" }, "level1PerSecond", QUOTA_RANGE_MESSAGE],
      [{ level1PerSecond: "beaucoup" }, "level1PerSecond", QUOTA_RANGE_MESSAGE],
      [{ kind: "ROOT" }, "kind", "Choisissez le type de données de l'API."],
      [{ name: "   " }, "name", "Saisissez le nom de l'API."],
      [{ name: "\u0000\u001b" }, "name", "Saisissez le nom de l'API."],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await rejection(createRorApi(admin, form(overrides), request));
      expect(["VALIDATION", "CONFLICT"]).toContain(error.code);
      expect(error.fieldErrors[field]).toMatch(message);
    }
    // A prefix that an existing one starts with is an overlap as well.
    expect((await rejection(createRorApi(admin, form({ pathPrefix: "/ws/v2/" }), request))).fieldErrors.pathPrefix).toMatch(/Services web historiques/);
    expect(await snapshot()).toEqual(before);
    // Control characters (a NUL PostgreSQL would refuse, a line break) are dropped from a name, not stored.
    const { id } = await createRorApi(admin, form({ name: "API\u0000 annuaire\nbis", pathPrefix: "/annuaire-nul/" }), request);
    expect((await db().gatewayApi.findUniqueOrThrow({ where: { id } })).name).toBe("API annuaire bis");
  });

  it("lets an administrator add, change and retire an API, each audited, and refuses a stale form", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const { id } = await createRorApi(admin, form(), request);
    expect(await db().gatewayApi.findUniqueOrThrow({ where: { id } })).toMatchObject({ pathPrefix: "/annuaire/", level1PerSecond: 50, retiredAt: null });
    const created = await db().event.findFirstOrThrow({ where: { name: "gateway_api.created", subjectId: id } });
    expect(created).toMatchObject({ actorId: admin.userId, payload: { name: "API annuaire", pathPrefix: "/annuaire/", kind: "AUTHENTICATED", level1PerSecond: 50 } });

    const row = await db().gatewayApi.findUniqueOrThrow({ where: { id } });
    const lastUpdatedAt = row.updatedAt.toISOString();
    const result = await updateRorApi(admin, id, { ...form({ level1PerSecond: 200, kind: "PUBLIC" }), lastUpdatedAt }, request);
    expect(result.changed.sort()).toEqual(["kind", "level1PerSecond"]);
    const updated = await db().event.findFirstOrThrow({ where: { name: "gateway_api.updated", subjectId: id } });
    expect(updated.payload).toEqual({ pathPrefix: "/annuaire/", changes: { kind: { from: "AUTHENTICATED", to: "PUBLIC" }, level1PerSecond: { from: 50, to: 200 } } });

    // The form opened before that change is stale: nothing is overwritten.
    const before = await snapshot();
    expect((await rejection(updateRorApi(admin, id, { ...form({ level1PerSecond: 7 }), lastUpdatedAt }, request))).code).toBe("CONFLICT");
    // Moving its prefix onto another API's is refused too.
    const fresh = (await db().gatewayApi.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
    expect((await rejection(updateRorApi(admin, id, { ...form({ pathPrefix: "/fhir/" }), lastUpdatedAt: fresh }, request))).fieldErrors.pathPrefix).toMatch(/FHIR/);
    expect(await snapshot()).toEqual(before);

    await retireRorApi(admin, id, request);
    expect((await apisInUse()).map((a) => a.pathPrefix)).not.toContain("/annuaire/");
    expect(await db().event.count({ where: { name: "gateway_api.retired", subjectId: id } })).toBe(1);
    expect((await rejection(retireRorApi(admin, id, request))).code).toBe("NOT_FOUND");
    expect((await listRorApis(admin)).at(-1)).toMatchObject({ id, retiredAt: expect.any(Date) });
    // Its prefix is free again.
    const again = await createRorApi(admin, form({ name: "API annuaire v2" }), request);
    expect(again.id).not.toBe(id);
  });

  it("adds two overlapping prefixes at once: one wins, the other is refused", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const outcomes = await Promise.allSettled([
      createRorApi(admin, form({ name: "A", pathPrefix: "/concurrent/" }), request),
      createRorApi(admin, form({ name: "B", pathPrefix: "/concurrent/b/" }), request),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db().gatewayApi.count({ where: { pathPrefix: { startsWith: "/concurrent/" } } })).toBe(1);
  });

  it("the database refuses a metacharacter or an out-of-range quota even past the use case", async () => {
    await expect(db().gatewayApi.create({ data: { name: "x", pathPrefix: "/x;/", kind: "PUBLIC", level1PerSecond: 5 } })).rejects.toThrow();
    await expect(db().gatewayApi.create({ data: { name: "x", pathPrefix: "/x/", kind: "PUBLIC", level1PerSecond: 5000 } })).rejects.toThrow();
  });
});
