import { describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { addServiceUrl, removeServiceUrl } from "./service-urls.server";
import { createService, servicePage } from "./services.server";

async function newService() {
  const org = await newOrganization();
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "2")!;
  const { serviceId } = await createService(
    org.actor,
    org.organizationId,
    {
      name: "Régulation Express",
      softwareName: "RegulX",
      softwareVersion: "1.0",
      description: "Régulation.",
      purposes: ["REGULATION"],
      users: "Médecins régulateurs.",
      requestedProfileId: profile.id,
      profileJustification: "Données restreintes nécessaires.",
      apis: ["FHIR", "LEGACY_WEB_SERVICES"],
    },
    testRequest,
  );
  return { ...org, serviceId };
}

async function counts(serviceId: string) {
  const [urls, events] = await Promise.all([db().serviceUrl.count({ where: { serviceId } }), db().event.count()]);
  return { urls, events };
}

describe("the URLs of a service", () => {
  it("adds a normalised URL per environment, audited, and the URL item of the completeness turns done", async () => {
    const s = await newService();
    expect((await servicePage(s.actor, s.serviceId)).completeness.find((i) => i.id === "url")!.done).toBe(false);
    const added = await addServiceUrl(s.actor, s.serviceId, { environment: "TEST", url: "HTTPS://Recette.Exemple.FR/ror/" }, testRequest);
    expect(added).toMatchObject({ url: "https://recette.exemple.fr/ror", environment: "TEST" });
    // The same URL in the other environment is another declaration.
    await addServiceUrl(s.actor, s.serviceId, { environment: "PRODUCTION", url: "https://recette.exemple.fr/ror" }, testRequest);

    const page = await servicePage(s.actor, s.serviceId);
    expect(page.urls.map((group) => [group.environment, group.items.map((u) => u.url)])).toEqual([
      ["TEST", ["https://recette.exemple.fr/ror"]],
      ["PRODUCTION", ["https://recette.exemple.fr/ror"]],
    ]);
    expect(page.completeness.find((i) => i.id === "url")).toMatchObject({ done: true, detail: "2 URL déclarées (test : 1, production : 1)." });
    const event = await db().event.findFirstOrThrow({ where: { name: "service.url_added", subjectId: s.serviceId, payload: { path: ["urlId"], equals: added.urlId } }, include: { personalData: true } });
    expect(event.payload).toEqual({ urlId: added.urlId, environment: "TEST", url: "https://recette.exemple.fr/ror" });
  });

  it("refuses a duplicate (after normalisation) next to the field, and writes nothing", async () => {
    const s = await newService();
    await addServiceUrl(s.actor, s.serviceId, { environment: "TEST", url: "https://recette.exemple.fr/ror" }, testRequest);
    const before = await counts(s.serviceId);
    const error = await rejection(addServiceUrl(s.actor, s.serviceId, { environment: "TEST", url: "https://RECETTE.exemple.fr/ror//" }, testRequest));
    expect(error.fieldErrors.url).toBe("Cette URL est déjà déclarée pour cet environnement.");
    expect(await counts(s.serviceId)).toEqual(before);
  });

  it("keeps one of two simultaneous additions of the same URL, and tells the other in French", async () => {
    const s = await newService();
    const add = () => addServiceUrl(s.actor, s.serviceId, { environment: "PRODUCTION", url: "https://api.exemple.fr/ror" }, testRequest);
    const results = await Promise.allSettled([add(), add(), add()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const failure of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(failure.reason.fieldErrors.url).toBe("Cette URL est déjà déclarée pour cet environnement.");
    }
    expect(await db().serviceUrl.count({ where: { serviceId: s.serviceId } })).toBe(1);
  });

  it.each([
    ["http://recette.exemple.fr/ror", "L'URL doit commencer par https://"],
    ["https://user:pass@recette.exemple.fr", "identifiant ni de mot de passe"],
    ["https://recette.exemple.fr/ror?a=1", "paramètres"],
    ["https://recette.exemple.fr/ror#a", "fragment"],
    ["https://10.0.0.1/ror", "adresse IP"],
    ["https://localhost/ror", "localhost"],
  ])("refuses %s with a French message next to the field, and writes nothing", async (url, message) => {
    const s = await newService();
    const before = await counts(s.serviceId);
    const error = await rejection(addServiceUrl(s.actor, s.serviceId, { environment: "TEST", url }, testRequest));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors.url).toContain(message);
    expect(await counts(s.serviceId)).toEqual(before);
  });

  it("removes a URL, audited; removing it again says it is not found", async () => {
    const s = await newService();
    const { urlId } = await addServiceUrl(s.actor, s.serviceId, { environment: "TEST", url: "https://recette.exemple.fr/ror" }, testRequest);
    expect(await removeServiceUrl(s.actor, urlId, testRequest)).toMatchObject({ serviceId: s.serviceId, url: "https://recette.exemple.fr/ror" });
    expect(await db().serviceUrl.count({ where: { serviceId: s.serviceId } })).toBe(0);
    const event = await db().event.findFirstOrThrow({ where: { name: "service.url_removed", subjectId: s.serviceId }, include: { personalData: true } });
    expect(event.payload).toEqual({ urlId, environment: "TEST", url: "https://recette.exemple.fr/ror" });
    expect((await rejection(removeServiceUrl(s.actor, urlId, testRequest))).code).toBe("NOT_FOUND");
  });
});
