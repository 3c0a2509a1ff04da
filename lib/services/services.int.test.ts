import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { createService, editServiceForm, organizationServices, servicePage, updateService } from "./services.server";

async function profiles() {
  const list = await listActiveAccessProfiles();
  const byCode = (code: string) => list.find((p) => p.code === code)!;
  return { list, open: byCode("0"), restricted: byCode("2"), full: byCode("1") };
}

async function validInput() {
  const { restricted } = await profiles();
  return {
    name: "Orientation Plus",
    softwareName: "Logiciel Orientation",
    softwareVersion: "4.2.1",
    description: "Aide à l'orientation des patients.",
    purposes: ["ORIENTATION", "COORDINATION"],
    users: "Les régulateurs du SAMU.",
    requestedProfileId: restricted.id,
    profileJustification: "Les régulateurs ont besoin des numéros directs.",
    apis: ["FHIR"],
  };
}

async function counts() {
  const [services, urls, events] = await Promise.all([db().service.count(), db().serviceUrl.count(), db().event.count()]);
  return { services, urls, events };
}

describe("declaring a service", () => {
  it("creates the service with its audit event, and lists it with its completeness", async () => {
    const org = await newOrganization();
    const input = await validInput();
    const { serviceId } = await createService(org.actor, org.organizationId, { ...input, name: "  Orientation Plus  " }, testRequest);

    const stored = await db().service.findUniqueOrThrow({ where: { id: serviceId } });
    expect(stored).toMatchObject({ organizationId: org.organizationId, name: "Orientation Plus", purposes: ["ORIENTATION", "COORDINATION"], apis: ["FHIR"] });
    const event = await db().event.findFirstOrThrow({ where: { name: "service.created", subjectId: serviceId }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: org.userId, organizationId: org.organizationId, personalData: expect.objectContaining({ ip: testRequest.ip }) });
    expect(event.payload).toMatchObject({ name: "Orientation Plus", requestedProfile: "2", purposes: ["ORIENTATION", "COORDINATION"] });

    const list = await organizationServices(org.actor, org.organizationId);
    expect(list.services).toEqual([
      expect.objectContaining({ id: serviceId, name: "Orientation Plus", profile: expect.objectContaining({ code: "2" }), summary: expect.objectContaining({ done: 1, total: 6 }) }),
    ]);
    const page = await servicePage(org.actor, serviceId);
    expect(page.completeness.map((i) => [i.id, i.state])).toEqual([
      ["charter", "missing"],
      ["purpose", "done"],
      ["url", "missing"],
      ["certificate", "missing"],
      ["attestation", "missing"],
      ["platines", "missing"],
    ]);
    expect(page.permissions.manage).toBe(true);
  });

  it("refuses an unknown, forged or inactive profile on the server, next to the field, and writes nothing", async () => {
    const org = await newOrganization();
    const input = await validInput();
    const inactive = await db().accessProfile.create({
      data: { code: `retire-${randomUUID()}`, label: "Profil retiré", description: "Ancien profil.", level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, active: false },
    });
    const before = await counts();
    for (const requestedProfileId of [randomUUID(), inactive.id, "pas-un-identifiant", "' OR 1=1 --"]) {
      const error = await rejection(createService(org.actor, org.organizationId, { ...input, requestedProfileId }, testRequest));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors.requestedProfileId).toBe("Ce profil d'accès n'est pas proposé. Choisissez l'un des profils de la liste.");
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a 10,000-character name", { name: "x".repeat(10_000) }, "name", "Ce champ ne peut pas dépasser 120 caractères."],
    ["no purpose", { purposes: [] }, "purposes", "Cochez au moins une finalité du service."],
    ["no API", { apis: [] }, "apis", "Cochez au moins une API du ROR que le service appellera."],
    ["an empty justification", { profileJustification: "   " }, "profileJustification", "Justifiez le profil d'accès demandé."],
  ])("refuses %s with a French message and writes nothing", async (_label, change, field, message) => {
    const org = await newOrganization();
    const input = await validInput();
    const before = await counts();
    const error = await rejection(createService(org.actor, org.organizationId, { ...input, ...change }, testRequest));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it("stores HTML and script exactly as typed", async () => {
    const org = await newOrganization();
    const input = await validInput();
    const markup = `<script>alert("xss")</script><img src=x onerror=alert(1)> & "guillemets"`;
    const { serviceId } = await createService(org.actor, org.organizationId, { ...input, name: "<b>Service</b>", description: markup, users: markup }, testRequest);
    const page = await servicePage(org.actor, serviceId);
    expect(page.service.name).toBe("<b>Service</b>");
    expect(page.service.description).toBe(markup);
    expect(page.service.users).toBe(markup);
  });

  it("accepts a profile without certificate: the certificate item is then done", async () => {
    const org = await newOrganization();
    const { open } = await profiles();
    const { serviceId } = await createService(org.actor, org.organizationId, { ...(await validInput()), requestedProfileId: open.id }, testRequest);
    const page = await servicePage(org.actor, serviceId);
    expect(page.completeness.find((i) => i.id === "certificate")).toMatchObject({ done: true });
  });
});

describe("the certificates on the service page", () => {
  it("lists them per environment with their status and stored verdict; an active one that passed completes the item", async () => {
    const org = await newOrganization();
    const { serviceId } = await createService(org.actor, org.organizationId, await validInput(), testRequest);
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    const certificate = (environment: "TEST" | "PRODUCTION", uploadedDaysAgo: number, verdict: string) => ({
      serviceId,
      environment,
      der: new Uint8Array([0x30, 0x00]),
      fingerprintSha256: randomUUID(),
      subjectDn: `CN=Orientation Plus ${environment} ${uploadedDaysAgo}`,
      issuerDn: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
      serialNumber: "01",
      notBefore: new Date(now.getTime() - 60 * day),
      notAfter: new Date(now.getTime() + 300 * day),
      facts: {},
      checks: { verdict, checks: [] },
      uploadedById: org.userId,
      uploadedAt: new Date(now.getTime() - uploadedDaysAgo * day),
    });
    await db().certificate.createMany({ data: [certificate("TEST", 10, "ok"), certificate("TEST", 2, "error"), certificate("PRODUCTION", 5, "warning")] });

    const page = await servicePage(org.actor, serviceId, now);
    const test = page.certificates.find((g) => g.environment === "TEST")!.items;
    expect(test.map((c) => [c.status, c.statusLabel, c.verdictLabel])).toEqual([
      ["active", "Actif", "Non conforme"],
      ["replaced", "Remplacé", "Conforme"],
    ]);
    const production = page.certificates.find((g) => g.environment === "PRODUCTION")!.items;
    expect(production.map((c) => [c.status, c.verdict])).toEqual([["active", "warning"]]);
    expect(page.completeness.find((i) => i.id === "certificate")).toMatchObject({ done: true, detail: expect.stringContaining("production") });
  });
});

describe("editing a service", () => {
  it("records the fields before and after, and the profile codes", async () => {
    const org = await newOrganization();
    const input = await validInput();
    const { full } = await profiles();
    const { serviceId } = await createService(org.actor, org.organizationId, input, testRequest);
    const form = await editServiceForm(org.actor, serviceId);
    expect(form.defaults).toMatchObject({ name: "Orientation Plus", purposes: ["ORIENTATION", "COORDINATION"] });

    const { changes } = await updateService(
      org.actor,
      serviceId,
      { ...form.defaults, name: "Orientation Max", purposes: ["COORDINATION", "ORIENTATION", "INFORMATION"], requestedProfileId: full.id },
      testRequest,
    );
    expect(Object.keys(changes).sort()).toEqual(["name", "purposes", "requestedProfileId"]);
    const event = await db().event.findFirstOrThrow({ where: { name: "service.updated", subjectId: serviceId }, include: { personalData: true } });
    expect(event.payload).toEqual({
      changes: {
        name: { before: "Orientation Plus", after: "Orientation Max" },
        purposes: { before: ["ORIENTATION", "COORDINATION"], after: ["ORIENTATION", "COORDINATION", "INFORMATION"] },
        requestedProfileId: { before: input.requestedProfileId, after: full.id },
        requestedProfile: { before: "2", after: "1" },
      },
    });
    const stored = await db().service.findUniqueOrThrow({ where: { id: serviceId } });
    expect(stored).toMatchObject({ name: "Orientation Max", requestedProfileId: full.id });
  });

  it("changes nothing and records nothing when nothing changed", async () => {
    const org = await newOrganization();
    const { serviceId } = await createService(org.actor, org.organizationId, await validInput(), testRequest);
    const form = await editServiceForm(org.actor, serviceId);
    const before = await counts();
    const { changes, version } = await updateService(org.actor, serviceId, form.defaults, testRequest);
    expect(changes).toEqual({});
    expect(version).toBe(form.defaults.version);
    expect(await counts()).toEqual(before);
  });

  it("refuses a change made on a stale form, with a French message, and keeps the newer one", async () => {
    const org = await newOrganization();
    const { serviceId } = await createService(org.actor, org.organizationId, await validInput(), testRequest);
    const form = await editServiceForm(org.actor, serviceId);
    await updateService(org.actor, serviceId, { ...form.defaults, name: "Première modification" }, testRequest);
    const before = await counts();
    const error = await rejection(updateService(org.actor, serviceId, { ...form.defaults, name: "Seconde modification" }, testRequest));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/modifié par quelqu'un d'autre/);
    expect(await counts()).toEqual(before);
    expect((await db().service.findUniqueOrThrow({ where: { id: serviceId } })).name).toBe("Première modification");
    expect((await rejection(updateService(org.actor, serviceId, { ...form.defaults, version: "pas une date" }, testRequest))).code).toBe("CONFLICT");
  });

  it("lets exactly one of two simultaneous edits of the same version win", async () => {
    const org = await newOrganization();
    const { serviceId } = await createService(org.actor, org.organizationId, await validInput(), testRequest);
    const form = await editServiceForm(org.actor, serviceId);
    const results = await Promise.allSettled([
      updateService(org.actor, serviceId, { ...form.defaults, name: "Version A" }, testRequest),
      updateService(org.actor, serviceId, { ...form.defaults, name: "Version B" }, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().event.count({ where: { name: "service.updated", subjectId: serviceId } })).toBe(1);
  });

  it("refuses a profile withdrawn from the catalogue since, and offers the others", async () => {
    const org = await newOrganization();
    const retired = await db().accessProfile.create({
      data: { code: `bientot-retire-${randomUUID()}`, label: "Profil bientôt retiré", description: "x", level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5 },
    });
    const { serviceId } = await createService(org.actor, org.organizationId, { ...(await validInput()), requestedProfileId: retired.id }, testRequest);
    await db().accessProfile.update({ where: { id: retired.id }, data: { active: false } });
    const form = await editServiceForm(org.actor, serviceId);
    expect(form.withdrawnProfileLabel).toBe("Profil bientôt retiré");
    expect(form.defaults.requestedProfileId).toBe("");
    const error = await rejection(updateService(org.actor, serviceId, { ...form.defaults, requestedProfileId: retired.id, name: "Autre" }, testRequest));
    expect(error.fieldErrors.requestedProfileId).toMatch(/n'est pas proposé/);
  });
});
