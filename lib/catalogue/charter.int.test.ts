import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { AppError } from "../errors";
import { SEEDED_CHARTER_VERSION } from "../reference/charter-seed.server";
import { seedReferenceData } from "../reference/reference-data.server";
import { parseCharterDocument } from "./charter-document";
import {
  acceptCharter,
  charterAcceptancePage,
  charterAdministration,
  charterStatusOf,
  pendingCharterNotices,
  publishCharterVersion,
  publishedCharter,
  publishedCharterVersions,
} from "./charter.server";
import { createOrganization, createPerson, request } from "../testing/catalogue-fixtures.server";
import { rejection } from "../testing/rejection";


async function counts() {
  const [versions, acceptances, events, mails] = await Promise.all([
    db().charterVersion.count(),
    db().charterAcceptance.count(),
    db().event.count(),
    db().outboxMessage.count(),
  ]);
  return { versions, acceptances, events, mails };
}

const newVersion = (version: string) => ({
  version,
  title: "Charte d'accès aux données du ROR",
  body: `## Objet\nNouvelle version ${version} de la charte.\n\n## Sécurité\n- TLS mutuel`,
});

// Publishing changes the current version for the whole (per-file) database: those tests run last, in order.
describe("the seeded charter", () => {
  it("is version 0.1, published, with its sections from objet to annexe 1", async () => {
    const charter = await publishedCharter();
    expect(charter?.version).toBe(SEEDED_CHARTER_VERSION);
    expect(charter?.isCurrent).toBe(true);
    const ids = parseCharterDocument(charter!.body).sections.map((s) => s.id);
    expect(ids[0]).toBe("objet-de-la-charte");
    expect(ids).toContain("profils-d-acces");
    expect(ids).toContain("quotas-d-appels");
    expect(ids).toContain("securite-des-acces");
    expect(ids.at(-1)).toBe("annexe-1-attestation-de-client");
    expect(charter!.body).toContain("HTTP 429");
    expect(charter!.body).toContain("cinq ans");
  });

  it("is seeded once: seeding again neither duplicates nor overwrites it", async () => {
    await db().charterVersion.update({ where: { version: "0.1" }, data: { title: "Titre modifié par l'ANS" } });
    await seedReferenceData(db());
    const versions = await db().charterVersion.findMany({ where: { version: "0.1" } });
    expect(versions).toHaveLength(1);
    expect(versions[0]!.title).toBe("Titre modifié par l'ANS");
  });

  it("answers null for an unknown version", async () => {
    expect(await publishedCharter("9.9")).toBeNull();
    expect((await publishedCharter("0.1"))?.version).toBe("0.1");
  });
});

describe("accepting the charter", () => {
  it("records who, when, which version, the IP and user agent, with an audit event", async () => {
    const { organizationId, legalRepresentative } = await createOrganization();
    expect(await charterStatusOf(organizationId)).toMatchObject({ acceptedCurrent: false, currentVersion: { version: "0.1" } });

    const result = await acceptCharter(legalRepresentative, { organizationId, version: "0.1", accepted: true }, request);
    expect(result.alreadyAccepted).toBe(false);
    const acceptance = await db().charterAcceptance.findUniqueOrThrow({ where: { id: result.acceptanceId }, include: { charterVersion: true } });
    expect(acceptance).toMatchObject({ organizationId, userId: legalRepresentative.userId, ip: "198.51.100.23", userAgent: "Mozilla/5.0 (vitest)" });
    expect(acceptance.charterVersion.version).toBe("0.1");
    const events = await db().event.findMany({ where: { organizationId, name: "charter.accepted" }, include: { personalData: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: legalRepresentative.userId, personalData: expect.objectContaining({ ip: "198.51.100.23" }), subjectId: acceptance.charterVersionId });

    const status = await charterStatusOf(organizationId);
    expect(status.acceptedCurrent).toBe(true);
    expect(status.acceptance?.by).toEqual({ userId: legalRepresentative.userId, name: "Représentante de Éditeur Test SAS" });
    expect(status.acceptance?.at).toEqual(acceptance.acceptedAt);
  });

  it("is idempotent: accepting again, even twice at once, records nothing more", async () => {
    const { organizationId, legalRepresentative } = await createOrganization();
    const input = { organizationId, version: "0.1", accepted: true };
    const results = await Promise.all([acceptCharter(legalRepresentative, input, request), acceptCharter(legalRepresentative, input, request)]);
    expect(results.filter((r) => !r.alreadyAccepted)).toHaveLength(1);
    const again = await acceptCharter(legalRepresentative, input, request);
    expect(again).toEqual({ acceptanceId: results.find((r) => !r.alreadyAccepted)!.acceptanceId, organizationId, alreadyAccepted: true });
    expect(await db().charterAcceptance.count({ where: { organizationId } })).toBe(1);
    expect(await db().event.count({ where: { organizationId, name: "charter.accepted" } })).toBe(1);
  });

  it("is reserved to the organisation's legal representatives, and writes nothing otherwise", async () => {
    const { organizationId, member } = await createOrganization();
    const other = await createOrganization("Autre Éditeur");
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const admin = await createPerson(["ANS_ADMIN"]);
    const before = await counts();
    for (const actor of [member, other.legalRepresentative, reviewer, admin]) {
      const error = await rejection(acceptCharter(actor, { organizationId, version: "0.1", accepted: true }, request));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await counts()).toEqual(before);
    expect((await charterStatusOf(organizationId)).acceptedCurrent).toBe(false);
  });

  it("requires the box to be ticked and the version read to be the current one", async () => {
    const { organizationId, legalRepresentative } = await createOrganization();
    const before = await counts();
    const unticked = await rejection(acceptCharter(legalRepresentative, { organizationId, version: "0.1", accepted: false }, request));
    expect(unticked.fieldErrors.accepted).toBe("Cochez la case pour accepter la charte.");
    const stale = await rejection(acceptCharter(legalRepresentative, { organizationId, version: "0.0", accepted: true }, request));
    expect(stale.code).toBe("CONFLICT");
    expect(await counts()).toEqual(before);
  });

  it("shows members who must accept it, and lets only legal representatives do so", async () => {
    const { organizationId, member, legalRepresentative } = await createOrganization("Éditeur Page");
    const page = await charterAcceptancePage(member, organizationId);
    expect(page.canAccept).toBe(false);
    expect(page.legalRepresentatives.map((p) => p.name)).toEqual(["Représentante de Éditeur Page"]);
    expect(page.charter?.version).toBe("0.1");
    expect((await charterAcceptancePage(legalRepresentative, organizationId)).canAccept).toBe(true);
    const outsider = await createOrganization("Curieux SAS");
    expect((await rejection(charterAcceptancePage(outsider.member, organizationId))).code).toBe("FORBIDDEN");

    expect(await pendingCharterNotices(member)).toEqual([
      { organizationId, legalName: "Éditeur Page", version: "0.1", canAccept: false, legalRepresentatives: ["Représentante de Éditeur Page"] },
    ]);
    expect((await pendingCharterNotices(legalRepresentative))[0]?.canAccept).toBe(true);
    await acceptCharter(legalRepresentative, { organizationId, version: "0.1", accepted: true }, request);
    expect(await pendingCharterNotices(member)).toEqual([]);
  });
});

describe("publishing a new version", () => {
  it("is reserved to ANS administrators: reviewers, editors and legal representatives write nothing", async () => {
    const { legalRepresentative, member } = await createOrganization();
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const before = await counts();
    for (const actor of [reviewer, legalRepresentative, member]) {
      expect((await rejection(publishCharterVersion(actor, newVersion("0.5"), request))).code).toBe("FORBIDDEN");
      expect((await rejection(charterAdministration(actor))).code).toBe("FORBIDDEN");
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["version", { version: "" }, "Saisissez le numéro de version."],
    ["version", { version: "v2<script>" }, "Saisissez un numéro de version fait de nombres séparés par des points, par exemple 0.2 ou 1.0."],
    ["version", { version: "0.1" }, "La version 0.1 existe déjà. Choisissez un autre numéro de version."],
    ["title", { title: "x".repeat(201) }, "Le titre ne peut pas dépasser 200 caractères."],
    ["body", { body: "## A\n" + "x".repeat(200_001) }, "Le texte ne peut pas dépasser 200 000 caractères."],
    ["body", { body: "Un texte sans section." }, "Le texte doit contenir au moins une section : une ligne qui commence par « ## » suivie de son titre."],
  ])("refuses a bad %s with a French message and writes nothing", async (field, change, message) => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const before = await counts();
    const error = await rejection(publishCharterVersion(admin, { ...newVersion("0.5"), ...change }, request));
    expect(error.fieldErrors[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it("queues one mail per legal representative, audits it, and makes every organisation accept again", async () => {
    const a = await createOrganization("Alpha Logiciels");
    const b = await createOrganization("Bêta Santé");
    // A person who represents two organisations gets one mail naming both.
    await db().membership.create({ data: { userId: a.legalRepresentative.userId, organizationId: b.organizationId, isLegalRepresentative: true } });
    await acceptCharter(a.legalRepresentative, { organizationId: a.organizationId, version: "0.1", accepted: true }, request);
    expect((await charterStatusOf(a.organizationId)).acceptedCurrent).toBe(true);

    const admin = await createPerson(["ANS_ADMIN"], "Admin ANS");
    const legalRepresentatives = await db().membership.findMany({
      where: { isLegalRepresentative: true },
      distinct: ["userId"],
      select: { user: { select: { email: true } } },
    });
    const mailsBefore = await db().outboxMessage.count();
    const { charterVersionId, mailsQueued } = await publishCharterVersion(admin, newVersion("0.2"), request);

    expect(mailsQueued).toBe(legalRepresentatives.length);
    const mails = await db().outboxMessage.findMany({ where: { kind: "charter.published" } });
    expect(await db().outboxMessage.count()).toBe(mailsBefore + legalRepresentatives.length);
    expect(mails.map((m) => m.to).sort()).toEqual(legalRepresentatives.map((m) => m.user.email).sort());
    const toA = mails.find((m) => m.to === a.legalRepresentative.email)!;
    expect(toA.subject).toBe("Nouvelle version de la charte d'accès aux données du ROR (version 0.2)");
    expect(toA.text).toContain("Alpha Logiciels, Bêta Santé");
    expect(toA.text).toContain("/editeur/charte");
    expect(mails.some((m) => m.to === a.member.email)).toBe(false);

    const event = await db().event.findFirstOrThrow({ where: { name: "charter.published" }, include: { personalData: true } });
    expect(event).toMatchObject({ actorId: admin.userId, subjectId: charterVersionId, personalData: expect.objectContaining({ ip: "198.51.100.23" }) });
    const published = await db().charterVersion.findUniqueOrThrow({ where: { id: charterVersionId } });
    expect(published.publishedById).toBe(admin.userId);

    const status = await charterStatusOf(a.organizationId);
    expect(status).toMatchObject({ acceptedCurrent: false, currentVersion: { version: "0.2" } });
    expect(status.acceptance).toBeUndefined();
    expect((await pendingCharterNotices(a.member)).map((n) => n.version)).toEqual(["0.2"]);
    expect((await publishedCharter())?.version).toBe("0.2");
    expect((await publishedCharter("0.1"))?.isCurrent).toBe(false);
    expect((await publishedCharterVersions()).map((v) => v.version)).toEqual(["0.2", "0.1"]);

    // Accepting the old version is refused; accepting the new one clears the banner again.
    expect((await rejection(acceptCharter(a.legalRepresentative, { organizationId: a.organizationId, version: "0.1", accepted: true }, request))).code).toBe("CONFLICT");
    await acceptCharter(a.legalRepresentative, { organizationId: a.organizationId, version: "0.2", accepted: true }, request);
    expect((await charterStatusOf(a.organizationId)).acceptedCurrent).toBe(true);
    const admin2 = await charterAdministration(admin);
    expect(admin2[0]).toMatchObject({ version: "0.2", publishedBy: "Admin ANS", acceptances: 1 });
  });

  it("lets one of two simultaneous publications of the same version through", async () => {
    const admin = await createPerson(["ANS_ADMIN"]);
    const results = await Promise.allSettled([
      publishCharterVersion(admin, newVersion("0.3"), request),
      publishCharterVersion(admin, newVersion("0.3"), request),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failure.reason as AppError).fieldErrors.version).toMatch(/existe déjà/);
    expect(await db().charterVersion.count({ where: { version: "0.3" } })).toBe(1);
  });
});
