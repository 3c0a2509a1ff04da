// ANS's verification of an organisation (issue 22): evidence upload, the checklist item that gates submission,
// verification and refusal, suspension taking the enrolments out of the export and ending sessions, reinstatement,
// and re-verification after a legal-name change or a new legal representative.
import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { submitApplication } from "../applications/submit.server";
import { openSession } from "../auth/sessions.server";
import { db } from "../db.server";
import { approveApplication } from "../review/approve.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { actorOf, newOrganization, rejection } from "../testing/organization-fixtures.server";
import { clearWhitelistExportCache, preparedWhitelistExport, readWhitelistRevision } from "../whitelist/entries.server";
import { setLegalRepresentative } from "./memberships.server";
import { organizationsAwaitingVerification } from "./review.server";
import { updateOrganization } from "./update-organization.server";
import { decideOrganization, organizationEvidenceFile, uploadOrganizationEvidence } from "./verification.server";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const today = () => new Date().toISOString().slice(0, 10);

function evidenceUpload(overrides: { kind?: string; documentDate?: string; bytes?: Uint8Array; name?: string } = {}) {
  return {
    fields: { kind: overrides.kind ?? "REGISTER_EXTRACT", documentDate: overrides.documentDate ?? today() },
    files: [{ field: "document", name: overrides.name ?? "kbis.pdf", bytes: overrides.bytes ?? PDF }],
  };
}

async function status(organizationId: string) {
  return (await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { status: true } })).status;
}

let ans: Awaited<ReturnType<typeof reviewer>>;
let admin: Awaited<ReturnType<typeof createPerson>>;

beforeAll(async () => {
  ans = await reviewer();
  admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
});

describe("the verification of an organisation", () => {
  it("refuses a non-PDF, a stale date and another organisation's upload, writing nothing", async () => {
    const a = await newOrganization({ verified: false });
    const b = await newOrganization({ verified: false });
    const notPdf = await rejection(uploadOrganizationEvidence(a.actor, a.organizationId, evidenceUpload({ bytes: new TextEncoder().encode("<html>"), name: "x.html" }), testRequest));
    expect(notPdf.fieldErrors.document).toBe("Le document doit être un PDF : rien n'a été enregistré.");
    const stale = await rejection(uploadOrganizationEvidence(a.actor, a.organizationId, evidenceUpload({ documentDate: "2020-01-01" }), testRequest));
    expect(stale.fieldErrors.documentDate).toContain("moins de trois mois");
    const foreign = await rejection(uploadOrganizationEvidence(b.actor, a.organizationId, evidenceUpload(), testRequest));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await db().organizationEvidence.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("blocks submission until a reviewer verifies the organisation from its extract; editors cannot verify", async () => {
    const editor = await completeService();
    await db().organization.update({ where: { id: editor.organizationId }, data: { status: "UNVERIFIED", awaitingVerificationSince: new Date() } });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const blocked = await rejection(submitApplication(editor.actor, { applicationId, version: 1 }, testRequest));
    expect(blocked.message).toContain("« Organisation vérifiée par l'ANS »");

    expect((await rejection(decideOrganization(ans, "verify", { organizationId: editor.organizationId }, testRequest))).message).toContain("aucun extrait");
    const { evidenceId } = await uploadOrganizationEvidence(editor.actor, editor.organizationId, evidenceUpload(), testRequest);
    expect((await organizationEvidenceFile(ans, evidenceId)).mediaType).toBe("application/pdf");
    expect((await rejection(organizationEvidenceFile((await newOrganization()).actor, evidenceId))).code).toBe("NOT_FOUND");

    const queue = await organizationsAwaitingVerification(ans);
    expect(queue.rows.map((r) => r.organizationId)).toContain(editor.organizationId);
    const forbidden = await rejection(decideOrganization(editor.actor, "verify", { organizationId: editor.organizationId }, testRequest));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect((await rejection(decideOrganization(editor.actor, "suspend", { organizationId: editor.organizationId, reason: "x" }, testRequest))).code).toBe("FORBIDDEN");

    await decideOrganization(ans, "verify", { organizationId: editor.organizationId }, testRequest);
    expect(await status(editor.organizationId)).toBe("VERIFIED");
    const mail = await db().outboxMessage.findMany({ where: { to: editor.email, kind: "organization.verified" } });
    expect(mail).toHaveLength(1);
    const events = await db().event.findMany({ where: { subjectId: editor.organizationId, name: { in: ["organization.evidence_uploaded", "organization.verified"] } } });
    expect(events.map((e) => e.name).sort()).toEqual(["organization.evidence_uploaded", "organization.verified"]);
    expect((await organizationsAwaitingVerification(ans)).rows.map((r) => r.organizationId)).not.toContain(editor.organizationId);

    await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("SUBMITTED");
  });

  it("refuses with a reason (mailed, shown), and a new extract puts the organisation back in the queue", async () => {
    const org = await newOrganization({ verified: false });
    await uploadOrganizationEvidence(org.actor, org.organizationId, evidenceUpload(), testRequest);
    expect((await rejection(decideOrganization(ans, "refuse", { organizationId: org.organizationId, reason: " " }, testRequest))).fieldErrors.reason).toBeDefined();
    await decideOrganization(ans, "refuse", { organizationId: org.organizationId, reason: "L'extrait concerne une autre société." }, testRequest);
    expect(await db().organization.findUniqueOrThrow({ where: { id: org.organizationId } })).toMatchObject({ status: "REFUSED", statusReason: "L'extrait concerne une autre société." });
    expect(await db().outboxMessage.count({ where: { to: org.email, kind: "organization.refused" } })).toBe(1);
    await uploadOrganizationEvidence(org.actor, org.organizationId, evidenceUpload(), testRequest);
    expect(await status(org.organizationId)).toBe("UNVERIFIED");
  });
});

describe("the suspension of an organisation", () => {
  it("takes its enrolments out of the export at once, ends its people's sessions, and reinstatement brings them back", async () => {
    const editor = await completeService({ profileCode: "2" });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: (await profileByCode("2")).id }, testRequest);
    const sessionId = await db().$transaction((tx) => openSession(tx, { id: editor.userId, roles: ["EDITOR"] }, testRequest, new Date()));
    clearWhitelistExportCache();
    const enforced = async () => (await preparedWhitelistExport(undefined, new Date())).prepared.entries.some((e) => e.enrolmentId === enrolmentId);
    expect(await enforced()).toBe(true);
    const revision = await readWhitelistRevision();

    expect((await rejection(decideOrganization(ans, "suspend", { organizationId: editor.organizationId, reason: "Abus" }, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(decideOrganization(admin, "suspend", { organizationId: editor.organizationId, reason: "" }, testRequest))).fieldErrors.reason).toBeDefined();
    const { sessionsRevoked } = await decideOrganization(admin, "suspend", { organizationId: editor.organizationId, reason: "Usage abusif de l'API" }, testRequest);
    expect(sessionsRevoked).toBe(1);
    expect(await readWhitelistRevision()).not.toBe(revision);
    // The cache is not cleared: the revision alone makes the export rebuild without the suspended organisation.
    expect(await enforced()).toBe(false);
    expect(await db().session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ revokedReason: "ORGANIZATION_SUSPENDED" });
    expect(await db().outboxMessage.count({ where: { to: editor.email, kind: "organization.suspended" } })).toBe(1);
    // The enrolment itself is untouched: reinstating the organisation restores exactly what the suspension took away.
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("ACTIVE");

    await decideOrganization(admin, "reinstate", { organizationId: editor.organizationId }, testRequest);
    expect(await status(editor.organizationId)).toBe("VERIFIED");
    expect(await enforced()).toBe(true);
    expect(await db().outboxMessage.count({ where: { to: editor.email, kind: "organization.reinstated" } })).toBe(1);
    const names = (await db().event.findMany({ where: { subjectId: editor.organizationId }, orderBy: { sequence: "asc" } })).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["organization.suspended", "organization.reinstated"]));
  });
});

describe("re-verification", () => {
  it("puts the organisation back to non vérifiée after a legal-name change by a legal representative; staff may not change it", async () => {
    const org = await newOrganization();
    const before = await db().organization.findUniqueOrThrow({ where: { id: org.organizationId } });
    const form = { legalName: "Nouveau Nom SAS", siret: before.siret, address: before.address, version: before.updatedAt.toISOString() };
    const staff = await newOrganization({ legalRepresentative: false });
    const refused = await rejection(updateOrganization(staff.actor, staff.organizationId, { ...form, siret: (await db().organization.findUniqueOrThrow({ where: { id: staff.organizationId } })).siret, version: (await db().organization.findUniqueOrThrow({ where: { id: staff.organizationId } })).updatedAt.toISOString() }, testRequest));
    expect(refused.code).toBe("FORBIDDEN");
    await updateOrganization(org.actor, org.organizationId, form, testRequest);
    expect(await status(org.organizationId)).toBe("UNVERIFIED");
    expect(await db().outboxMessage.count({ where: { to: org.email, kind: "organization.verification_needed" } })).toBe(1);
    expect((await db().event.findMany({ where: { subjectId: org.organizationId, name: "organization.verification_reset" } })).map((e) => e.payload)).toEqual([
      { from: "VERIFIED", cause: "legal_name_changed" },
    ]);
  });

  it("puts it back after a new legal representative is named", async () => {
    const org = await newOrganization();
    const member = await createPerson(["EDITOR"], "Nouvelle Représentante");
    const membership = await db().membership.create({ data: { userId: member.userId, organizationId: org.organizationId } });
    await setLegalRepresentative(await actorOf(org.userId), membership.id, true, testRequest);
    expect(await status(org.organizationId)).toBe("UNVERIFIED");
  });
});
