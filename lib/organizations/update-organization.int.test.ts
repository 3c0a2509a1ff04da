import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { updateOrganization } from "./update-organization.server";
import { newOrganization, rejection, testRequest, uniqueSiret } from "./test-fixtures.server";

async function current(organizationId: string) {
  const o = await db().organization.findUniqueOrThrow({ where: { id: organizationId } });
  return { legalName: o.legalName, siret: o.siret, address: o.address, version: o.updatedAt.toISOString() };
}

describe("changing an organisation's details", () => {
  it("saves the changes and records a before/after diff of the changed fields only", async () => {
    const { actor, organizationId } = await newOrganization();
    const before = await current(organizationId);
    const siret = uniqueSiret();
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    const { changes, version } = await updateOrganization(actor, organizationId, { ...before, siret: spaced, address: "<b>2 rue Neuve</b>" }, testRequest);
    expect(changes).toEqual({ siret: { before: before.siret, after: siret }, address: { before: before.address, after: "<b>2 rue Neuve</b>" } });
    const after = await current(organizationId);
    expect(after).toMatchObject({ siret, address: "<b>2 rue Neuve</b>", legalName: before.legalName, version });
    const event = await db().event.findFirstOrThrow({ where: { name: "organization.updated", organizationId }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: actor.userId, subjectId: organizationId, personalData: expect.objectContaining({ ip: testRequest.ip }) });
    expect(event.payload).toEqual({ changes });
  });

  it("writes nothing when nothing changed", async () => {
    const { actor, organizationId } = await newOrganization();
    const before = await current(organizationId);
    expect((await updateOrganization(actor, organizationId, before, testRequest)).changes).toEqual({});
    expect(await db().event.count({ where: { name: "organization.updated", organizationId } })).toBe(0);
    expect(await current(organizationId)).toEqual(before);
  });

  it("refuses a SIRET that another organisation has, next to the field, and writes nothing", async () => {
    const a = await newOrganization();
    const b = await newOrganization();
    const taken = (await current(b.organizationId)).siret;
    const before = await current(a.organizationId);
    const error = await rejection(updateOrganization(a.actor, a.organizationId, { ...before, siret: taken, legalName: "Nouveau nom" }, testRequest));
    expect(error.fieldErrors.siret).toBe("Ce SIRET est déjà celui d'une autre organisation inscrite sur le portail.");
    expect(await current(a.organizationId)).toEqual(before);
  });

  it("refuses an invalid SIRET and over-long text in French", async () => {
    const { actor, organizationId } = await newOrganization();
    const before = await current(organizationId);
    const error = await rejection(updateOrganization(actor, organizationId, { ...before, siret: "73282932000075", legalName: "x".repeat(10_000) }, testRequest));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({
      siret: "Ce SIRET n'est pas valide (clé de contrôle incorrecte).",
      legalName: "Ce champ ne peut pas dépasser 200 caractères.",
    });
    expect(await current(organizationId)).toEqual(before);
  });

  it("refuses to overwrite a change made meanwhile", async () => {
    const { actor, organizationId } = await newOrganization();
    const seen = await current(organizationId);
    await updateOrganization(actor, organizationId, { ...seen, legalName: "Premier" }, testRequest);
    const error = await rejection(updateOrganization(actor, organizationId, { ...seen, legalName: "Second" }, testRequest));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/modifiée par quelqu'un d'autre/);
    expect((await current(organizationId)).legalName).toBe("Premier");
  });
});
