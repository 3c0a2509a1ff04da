import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { addServiceUrl, removeServiceUrl } from "./service-urls.server";
import { createService, editServiceForm, newServiceForm, organizationServices, servicePage, updateService } from "./services.server";

async function input() {
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "1")!;
  return {
    name: "Service de B",
    softwareName: "Logiciel B",
    softwareVersion: "2.0",
    description: "Le service de l'organisation B.",
    purposes: ["INFORMATION"],
    users: "Les patients.",
    requestedProfileId: profile.id,
    profileJustification: "Justification.",
    apis: ["FHIR"],
  };
}

async function setting() {
  const a = await newOrganization({ legalName: "Organisation A" });
  const b = await newOrganization({ legalName: "Organisation B" });
  const { serviceId } = await createService(b.actor, b.organizationId, await input(), testRequest);
  const { urlId } = await addServiceUrl(b.actor, serviceId, { environment: "TEST", url: "https://b.exemple.fr/ror" }, testRequest);
  const form = await editServiceForm(b.actor, serviceId);
  return { a, b, serviceId, urlId, version: form.defaults.version };
}

async function snapshotOf(organizationId: string) {
  const [services, urls, events] = await Promise.all([
    db().service.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().serviceUrl.findMany({ where: { service: { organizationId } }, orderBy: { id: "asc" } }),
    db().event.count(),
  ]);
  return { services, urls, events };
}

const forgedIds = ["pas-un-identifiant", "' OR 1=1 --", randomUUID(), ""];

describe("an editor of organisation A and the services of organisation B", () => {
  it("can neither read nor change B's services or URLs, whatever id it sends: always « introuvable »", async () => {
    const s = await setting();
    const before = await snapshotOf(s.b.organizationId);
    const attacker: Actor = s.a.actor;
    const values = { ...(await input()), name: "Piraté", version: s.version };
    const attempts: [string, () => Promise<unknown>][] = [
      ["list B's services", () => organizationServices(attacker, s.b.organizationId)],
      ["open the new-service form of B", () => newServiceForm(attacker, s.b.organizationId)],
      ["declare a service in B", () => createService(attacker, s.b.organizationId, values, testRequest)],
      ["read B's service", () => servicePage(attacker, s.serviceId)],
      ["open the edit form of B's service", () => editServiceForm(attacker, s.serviceId)],
      ["change B's service", () => updateService(attacker, s.serviceId, values, testRequest)],
      ["add a URL to B's service", () => addServiceUrl(attacker, s.serviceId, { environment: "PRODUCTION", url: "https://pirate.exemple.fr" }, testRequest)],
      ["remove B's URL", () => removeServiceUrl(attacker, s.urlId, testRequest)],
      ...forgedIds.flatMap((id): [string, () => Promise<unknown>][] => [
        [`read ${id}`, () => servicePage(attacker, id)],
        [`change ${id}`, () => updateService(attacker, id, values, testRequest)],
        [`add a URL to ${id}`, () => addServiceUrl(attacker, id, { environment: "TEST", url: "https://pirate.exemple.fr" }, testRequest)],
        [`remove ${id}`, () => removeServiceUrl(attacker, id, testRequest)],
        [`list ${id}`, () => organizationServices(attacker, id)],
      ]),
    ];
    for (const [label, attempt] of attempts) {
      const error = await rejection(attempt());
      expect(error.code, label).toBe("NOT_FOUND");
      expect(error.message, label).toMatch(/introuvable/);
    }
    expect(await snapshotOf(s.b.organizationId)).toEqual(before);
  });

  it("refuses an actor that claims B's membership without having it in the database", async () => {
    const s = await setting();
    const before = await snapshotOf(s.b.organizationId);
    const forged: Actor = { ...s.a.actor, memberships: [...s.a.actor.memberships, { organizationId: s.b.organizationId, isLegalRepresentative: true }] };
    const values = { ...(await input()), name: "Piraté", version: s.version };
    expect((await rejection(createService(forged, s.b.organizationId, values, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(updateService(forged, s.serviceId, values, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(addServiceUrl(forged, s.serviceId, { environment: "TEST", url: "https://pirate.exemple.fr" }, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(removeServiceUrl(forged, s.urlId, testRequest))).code).toBe("NOT_FOUND");
    expect(await snapshotOf(s.b.organizationId)).toEqual(before);
  });

  it("still lets B's own editor read and change them, and an ANS reviewer read them", async () => {
    const s = await setting();
    expect((await servicePage(s.b.actor, s.serviceId)).service.name).toBe("Service de B");
    const reviewer: Actor = { userId: randomUUID(), roles: ["ANS_REVIEWER"], memberships: [] };
    const page = await servicePage(reviewer, s.serviceId);
    expect(page.permissions.manage).toBe(false);
    expect((await rejection(addServiceUrl(reviewer, s.serviceId, { environment: "TEST", url: "https://c.exemple.fr" }, testRequest))).code).toBe("NOT_FOUND");
  });
});
