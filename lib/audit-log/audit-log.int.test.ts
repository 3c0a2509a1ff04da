import { describe, expect, it } from "vitest";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { createPerson } from "../catalogue/test-fixtures.server";
import { db } from "../db.server";
import { newOrganization, rejection, testRequest } from "../organizations/test-fixtures.server";
import { auditLogCsv, auditLogPage } from "./audit-log.server";
import { parseAuditLogQuery } from "./audit-log-query";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the byte order mark (Response.text() would drop it).
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

async function seedEvents() {
  const editor = await newOrganization({ legalName: '=HYPERLINK("http://evil.example";"clic") SAS' });
  const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Adèle Admin");
  await db().$transaction(async (tx) => {
    await recordEvent(tx, {
      name: "application.refused",
      actor: userActor(admin.userId),
      organizationId: editor.organizationId,
      request: testRequest,
      payload: { kind: "NEW", submission: 1, reason: 'dit "oui"' },
      at: new Date("2026-03-15T10:00:00Z"),
    });
  });
  return { editor, admin };
}

describe("the audit log", () => {
  it("is for administrators only (page and export)", async () => {
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const editor = await newOrganization();
    const query = parseAuditLogQuery({});
    for (const actor of [reviewer, editor.actor]) {
      expect((await rejection(auditLogPage(actor, query))).code).toBe("FORBIDDEN");
      expect((await rejection(auditLogCsv(actor, query, testRequest))).code).toBe("FORBIDDEN");
    }
  });

  it("filters by type, Paris dates, organisation and author e-mail", async () => {
    const { editor, admin } = await seedEvents();
    const page = (params: Record<string, string>) => auditLogPage(admin, parseAuditLogQuery(params));

    const byType = await page({ type: "application.refused", organisation: "hyperlink" });
    expect(byType.total).toBe(1);
    expect(byType.events[0]).toMatchObject({ label: "Dossier refusé", actor: { email: admin.email } });

    expect((await page({ organisation: "HYPERLINK", du: "2026-03-15", au: "2026-03-15", type: "application.refused" })).total).toBe(1);
    expect((await page({ organisation: "HYPERLINK", du: "2026-03-16", type: "application.refused" })).total).toBe(0);
    expect((await page({ organisation: "HYPERLINK", au: "2026-03-14", type: "application.refused" })).total).toBe(0);
    expect((await page({ acteur: admin.email.toUpperCase(), type: "application.refused" })).total).toBe(1);
    expect((await page({ acteur: "personne@nulle-part.fr" })).total).toBe(0);
    // The sign-up of the organisation is there too, under its own type.
    const signUps = await page({ type: "organization.created", organisation: "hyperlink" });
    expect(signUps.events.map((e) => e.actor?.email)).toEqual([editor.email]);
  });

  it("exports the same filters as a CSV for Excel: BOM, French headers, quoted and formula-safe cells; the export is audited", async () => {
    const { admin } = await seedEvents();
    const csv = await text(await auditLogCsv(admin, parseAuditLogQuery({ type: "application.refused", acteur: admin.email }), testRequest));
    expect(csv.startsWith("\uFEFF\"Date (heure de Paris)\";\"Événement\";")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"15/03/2026 11:00:00";"Dossier refusé";"application.refused";"Adèle Admin"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"";""clic"") SAS"`);
    expect(lines[1]).toContain('"{""kind"":""NEW"",""reason"":""dit \\""oui\\"""",""submission"":1}"');
    const exported = await db().event.findFirstOrThrow({ where: { name: "audit_log.exported", actorId: admin.userId }, include: { personalData: true } });
    expect(exported.payload).toEqual({ type: "application.refused", from: null, to: null, organization: "" });
    // The typed e-mail is personal data: kept apart from the chained event.
    expect(await db().eventPersonalData.findUniqueOrThrow({ where: { eventId: exported.id } })).toMatchObject({ details: { actorEmail: admin.email } });
  });

  it("streams in batches and stops at the cap, most recent first", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Compteur");
    const base = Date.UTC(2026, 0, 1);
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 2500; i++) {
        await recordEvent(tx, { name: "user.signed_in", actor: userActor(admin.userId), subjectId: admin.userId, payload: {}, at: new Date(base + i * 1000) });
      }
    }, { timeout: 60_000 });
    const all = (await text(await auditLogCsv(admin, parseAuditLogQuery({ acteur: admin.email, type: "user.signed_in" }), testRequest))).trimEnd().split("\r\n");
    expect(all).toHaveLength(2501);
    expect(all[1]).toContain("01/01/2026 01:41:39");
    expect(all[2500]).toContain("01/01/2026 01:00:00");
    const capped = (await text(await auditLogCsv(admin, parseAuditLogQuery({ acteur: admin.email, type: "user.signed_in" }), testRequest, 1200))).trimEnd().split("\r\n");
    expect(capped).toHaveLength(1201);
  });
});
