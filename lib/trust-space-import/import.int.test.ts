// The import of the existing trust space against real PostgreSQL: verified organisations, services and enrolments
// marked "reprise de l'existant"; each refused line reported with its reason and nothing of it written; the same
// file again changes nothing; the comparison with the portal's own export.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { createTestAuthority, issueTestCertificate } from "../testing/test-authority";
import { entriesInForce } from "../whitelist/entries.server";
import { importTrustSpace } from "./import.server";
import { importComparison, importReport } from "./report.server";
import { passesLuhn } from "../organizations/identifiers";

/** A valid SIRET from 13 digits: the Luhn check digit appended. */
function siret(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${prefix}${d}`)) return `${prefix}${d}`;
  throw new Error("unreachable");
}
const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
const HEADER = "siret,raison_sociale,service,environnement,url,certificat_pem,profil,quota_authentifie,quota_public";

let admin: Awaited<ReturnType<typeof createPerson>>;
let csv: string;
const orgA = siret("4100000000001");
const orgB = siret("4200000000001");

beforeAll(async () => {
  admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  const now = new Date();
  const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 365 * 86_400_000) };
  const authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  const leaf = (cn: string) => issueTestCertificate(authority, { ...validity, commonName: cn, structureId: `3${orgA}`, organization: "Hôpital Repris", keyAlgorithm: "EC" });
  const [one, two] = await Promise.all([leaf("Agenda Repris"), leaf("Orientation Reprise")]);
  csv = [
    HEADER,
    `${orgA},Hôpital Repris,Agenda Repris,TEST,https://agenda.repris.example.fr,${quoted(one.pem)},2,,`,
    `${orgA},Hôpital Repris,Orientation Reprise,PRODUCTION,https://orientation.repris.example.fr,${quoted(two.pem)},1,20,8`,
    `${orgB},Éditeur Ouvert,Annuaire Public,TEST,https://annuaire.example.fr,,0,,`,
    `12345678901234,SIRET Faux,Service X,TEST,https://x.example.fr,,0,,`,
    `${orgB},Éditeur Ouvert,Autorité Mal Placée,TEST,https://ca.example.fr,${quoted(authority.root.pem)},2,,`,
    `${orgB},Éditeur Ouvert,Doublon,TEST,https://doublon.example.fr,${quoted(one.pem)},2,,`,
    `${orgB},Éditeur Ouvert,Profil Inconnu,TEST,https://inconnu.example.fr,,99,,`,
  ].join("\r\n");
});

describe("import of the existing trust space", () => {
  it("takes the valid lines, reports the others with their reason, and marks what it created", async () => {
    const before = await db().enrolment.count();
    const summary = await importTrustSpace(admin, { name: "liste-blanche.csv", bytes: new TextEncoder().encode(csv) }, testRequest);
    expect(summary).toMatchObject({ imported: 3, unchanged: 0, rejected: 4 });
    expect(await db().enrolment.count()).toBe(before + 3);

    const report = await importReport(admin, summary.importId);
    const reasons = Object.fromEntries(report.lines.map((l) => [l.lineNumber, l.reason]));
    expect(reasons[5]).toMatch(/^SIRET invalide/);
    expect(reasons[6]).toMatch(/autorité de certification/);
    expect(reasons[7]).toMatch(/^Empreinte en double/);
    expect(reasons[8]).toMatch(/^Profil d'accès inconnu/);

    const organization = await db().organization.findUniqueOrThrow({ where: { siret: orgA }, select: { id: true, status: true, statusReason: true } });
    expect(organization).toMatchObject({ status: "VERIFIED", statusReason: "Reprise de l'existant" });
    const events = await db().event.findMany({ where: { organizationId: organization.id }, select: { name: true } });
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(["organization.created", "organization.verified", "enrolment.imported"]));
    const enrolments = await db().enrolment.findMany({ where: { organizationId: organization.id }, select: { origin: true, accessProfileCode: true, level2AuthenticatedPerSecond: true } });
    expect(enrolments.map((e) => e.origin)).toEqual(["IMPORT", "IMPORT"]);
    expect(enrolments.find((e) => e.accessProfileCode === "1")?.level2AuthenticatedPerSecond).toBe(20);
    // Nothing of a refused line: no organisation for the false SIRET, no service named after a refused line.
    expect(await db().organization.count({ where: { siret: "12345678901234" } })).toBe(0);
    expect(await db().service.count({ where: { name: { in: ["Autorité Mal Placée", "Doublon", "Profil Inconnu"] } } })).toBe(0);

    const { entries } = await entriesInForce(new Date());
    expect(entries.filter((e) => e.organisation.siret === orgA)).toHaveLength(2);
  });

  it("changes nothing when the same file is imported again", async () => {
    const counts = async () => ({ enrolments: await db().enrolment.count(), services: await db().service.count(), organizations: await db().organization.count(), certificates: await db().certificate.count() });
    const before = await counts();
    const summary = await importTrustSpace(admin, { name: "liste-blanche.csv", bytes: new TextEncoder().encode(csv) }, testRequest);
    expect(summary).toMatchObject({ imported: 0, unchanged: 3, rejected: 4 });
    expect(await counts()).toEqual(before);
  });

  it("compares the imported entries with the portal's export", async () => {
    const last = await db().trustSpaceImport.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    const comparison = await importComparison(admin, last.id);
    expect(comparison.lines.map((l) => l.verdict)).toEqual(["same", "same", "same"]);
    // A suspension in the portal shows as missing from the export.
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { organization: { siret: orgB } } });
    await db().enrolment.update({ where: { id: enrolment.id }, data: { status: "SUSPENDED" } });
    const after = await importComparison(admin, last.id);
    expect(after.lines.find((l) => l.enrolmentId === enrolment.id)?.verdict).toBe("missing");
  });

  it("refuses a file without the documented columns, and a non-administrator", async () => {
    await expect(importTrustSpace(admin, { name: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2") }, testRequest)).rejects.toMatchObject({ code: "VALIDATION" });
    const reviewerPerson = await createPerson(["ANS_REVIEWER"], "Inès Tructeur");
    await expect(importTrustSpace(reviewerPerson, { name: "x.csv", bytes: new TextEncoder().encode(csv) }, testRequest)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
