import { describe, expect, it } from "vitest";
import { newOrganization, rejection } from "../testing/organization-fixtures.server";
import { approveApplication } from "../review/approve.server";
import { createDraft } from "./create-draft.server";
import { organizationApplications } from "./organization-applications.server";
import { submitApplication } from "./submit.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";

describe("organizationApplications", () => {
  it("lists the organisation's dossiers with their status and the enrolment granted, newest change first", async () => {
    const editor = await completeService({ profileCode: "0" });
    const instructeur = await reviewer();
    const empty = await organizationApplications(editor.actor, editor.organizationId);
    expect(empty.applications).toEqual([]);
    expect(empty.organization).toEqual({ id: editor.organizationId, legalName: "Éditeur Test SAS" });

    const { applicationId, version } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest, new Date("2026-11-01T10:00:00Z"));
    const draft = await organizationApplications(editor.actor, editor.organizationId);
    expect(draft.applications).toMatchObject([{ id: applicationId, serviceName: "Orientation Plus", status: "DRAFT", statusLabel: "Brouillon", open: true, enrolment: null }]);

    const submitted = await submitApplication(editor.actor, { applicationId, version: String(version) }, testRequest, new Date("2026-11-02T10:00:00Z"));
    const profile2 = await profileByCode("2");
    await approveApplication(instructeur, { applicationId, version: String(submitted.version), accessProfileId: profile2.id }, testRequest, new Date("2026-11-03T10:00:00Z"));
    const approved = await organizationApplications(editor.actor, editor.organizationId);
    expect(approved.applications).toMatchObject([
      { id: applicationId, status: "APPROVED", statusLabel: "Approuvé", open: false, kindLabel: "Première demande", enrolment: { accessProfileCode: "2", statusLabel: "En vigueur" } },
    ]);
  });

  it("answers a stranger, a reviewer or a malformed id as if the organisation did not exist", async () => {
    const editor = await completeService({ profileCode: "0" });
    const stranger = await newOrganization();
    const instructeur = await reviewer("Autre Instructeur");
    for (const [actor, id] of [
      [stranger.actor, editor.organizationId],
      [instructeur, editor.organizationId],
      [editor.actor, "pas-un-identifiant"],
      [editor.actor, "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const error = await rejection(organizationApplications(actor, id));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("Cette organisation est introuvable ou vous n'en êtes pas membre.");
    }
  });
});
