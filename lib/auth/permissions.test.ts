import { describe, expect, it } from "vitest";
import { can, homePathOf, roleLabel, type Actor } from "./permissions";

const orgA = "org-a";
const orgB = "org-b";
const member: Actor = { userId: "u1", roles: ["EDITOR"], memberships: [{ organizationId: orgA, isLegalRepresentative: false }] };
const legalRep: Actor = { userId: "u2", roles: ["EDITOR"], memberships: [{ organizationId: orgA, isLegalRepresentative: true }] };
const reviewer: Actor = { userId: "u3", roles: ["ANS_REVIEWER"], memberships: [] };
const admin: Actor = { userId: "u4", roles: ["ANS_ADMIN"], memberships: [] };
const orphan: Actor = { userId: "u5", roles: ["EDITOR"], memberships: [] };

describe("permissions", () => {
  it("refuses everything to an anonymous visitor", () => {
    expect(can(null, { type: "editorSpace.view" })).toBe(false);
    expect(can(null, { type: "ansSpace.view" })).toBe(false);
    expect(can(null, { type: "organization.read", organizationId: orgA })).toBe(false);
  });

  it("lets an editor read and update only their own organisation", () => {
    expect(can(member, { type: "organization.read", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "organization.update", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "organization.read", organizationId: orgB })).toBe(false);
    expect(can(member, { type: "organization.update", organizationId: orgB })).toBe(false);
  });

  it("keeps legal representatives' management to legal representatives of that organisation", () => {
    expect(can(member, { type: "organization.manageLegalRepresentatives", organizationId: orgA })).toBe(false);
    expect(can(legalRep, { type: "organization.manageLegalRepresentatives", organizationId: orgA })).toBe(true);
    expect(can(legalRep, { type: "organization.manageLegalRepresentatives", organizationId: orgB })).toBe(false);
  });

  it("keeps editors out of the ANS space and ANS staff out of the editor space", () => {
    expect(can(member, { type: "ansSpace.view" })).toBe(false);
    expect(can(legalRep, { type: "ansSpace.view" })).toBe(false);
    expect(can(reviewer, { type: "editorSpace.view" })).toBe(false);
    expect(can(reviewer, { type: "organization.update", organizationId: orgA })).toBe(false);
  });

  it("lets reviewers read any organisation but not administer", () => {
    expect(can(reviewer, { type: "ansSpace.view" })).toBe(true);
    expect(can(reviewer, { type: "organization.read", organizationId: orgB })).toBe(true);
    expect(can(reviewer, { type: "auditLog.read" })).toBe(false);
    expect(can(reviewer, { type: "users.manage" })).toBe(false);
  });

  it("gives administrators the ANS space and administration", () => {
    expect(can(admin, { type: "ansSpace.view" })).toBe(true);
    expect(can(admin, { type: "auditLog.read" })).toBe(true);
    expect(can(admin, { type: "users.manage" })).toBe(true);
    expect(can(admin, { type: "organization.update", organizationId: orgA })).toBe(false);
  });

  it("lets members and ANS read attestations, members prepare them, and only legal representatives sign for the editor", () => {
    for (const actor of [member, legalRep, reviewer, admin]) expect(can(actor, { type: "attestation.read", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "attestation.read", organizationId: orgB })).toBe(false);
    expect(can(orphan, { type: "attestation.read", organizationId: orgA })).toBe(false);
    expect(can(member, { type: "attestation.manage", organizationId: orgA })).toBe(true);
    expect(can(legalRep, { type: "attestation.manage", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "attestation.manage", organizationId: orgB })).toBe(false);
    expect(can(reviewer, { type: "attestation.manage", organizationId: orgA })).toBe(false);
    expect(can(legalRep, { type: "attestation.signAsEditor", organizationId: orgA })).toBe(true);
    expect(can(legalRep, { type: "attestation.signAsEditor", organizationId: orgB })).toBe(false);
    expect(can(member, { type: "attestation.signAsEditor", organizationId: orgA })).toBe(false);
    expect(can(admin, { type: "attestation.signAsEditor", organizationId: orgA })).toBe(false);
  });

  it("does not treat an editor without organisation as an editor", () => {
    expect(can(orphan, { type: "editorSpace.view" })).toBe(false);
  });

  it("labels roles in French and sends each to their space", () => {
    expect(roleLabel(member)).toBe("Équipe de l'éditeur");
    expect(roleLabel(legalRep)).toBe("Représentant légal");
    expect(roleLabel(reviewer)).toBe("Instructeur ANS");
    expect(roleLabel(admin)).toBe("Administrateur ANS");
    expect(homePathOf(member)).toBe("/editeur");
    expect(homePathOf(reviewer)).toBe("/instruction");
    expect(homePathOf(admin)).toBe("/instruction");
  });

  it("lets members manage services and invite, and only legal representatives accept the charter", () => {
    expect(can(member, { type: "service.manage", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "service.manage", organizationId: orgB })).toBe(false);
    expect(can(member, { type: "organization.invite", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "charter.accept", organizationId: orgA })).toBe(false);
    expect(can(legalRep, { type: "charter.accept", organizationId: orgA })).toBe(true);
    expect(can(legalRep, { type: "charter.accept", organizationId: orgB })).toBe(false);
    expect(can(reviewer, { type: "service.read", organizationId: orgB })).toBe(true);
    expect(can(reviewer, { type: "service.manage", organizationId: orgB })).toBe(false);
  });

  it("keeps reference data and CA bundles to administrators", () => {
    for (const type of ["charter.publish", "catalogue.manage", "caBundle.manage"] as const) {
      expect(can(admin, { type })).toBe(true);
      expect(can(reviewer, { type })).toBe(false);
      expect(can(legalRep, { type })).toBe(false);
    }
  });

  it("lets members submit PLATINES results of their organisation, reviewers read and validate them, administrators manage plans", () => {
    expect(can(member, { type: "platines.submit", organizationId: orgA })).toBe(true);
    expect(can(legalRep, { type: "platines.submit", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "platines.submit", organizationId: orgB })).toBe(false);
    expect(can(member, { type: "platines.read", organizationId: orgA })).toBe(true);
    expect(can(member, { type: "platines.read", organizationId: orgB })).toBe(false);
    expect(can(orphan, { type: "platines.read", organizationId: orgA })).toBe(false);
    expect(can(reviewer, { type: "platines.read", organizationId: orgB })).toBe(true);
    expect(can(reviewer, { type: "platines.submit", organizationId: orgA })).toBe(false);
    expect(can(admin, { type: "platines.submit", organizationId: orgA })).toBe(false);
    expect(can(member, { type: "platines.validate" })).toBe(false);
    expect(can(legalRep, { type: "platines.validate" })).toBe(false);
    expect(can(reviewer, { type: "platines.validate" })).toBe(true);
    expect(can(admin, { type: "platines.validate" })).toBe(true);
    expect(can(null, { type: "platines.validate" })).toBe(false);
    expect(can(member, { type: "platines.managePlans" })).toBe(false);
    expect(can(reviewer, { type: "platines.managePlans" })).toBe(false);
    expect(can(admin, { type: "platines.managePlans" })).toBe(true);
  });

  it("lets the organisation's members manage its applications, and reviewers read them", () => {
    for (const editor of [member, legalRep]) {
      expect(can(editor, { type: "application.manage", organizationId: orgA })).toBe(true);
      expect(can(editor, { type: "application.read", organizationId: orgA })).toBe(true);
      expect(can(editor, { type: "application.manage", organizationId: orgB })).toBe(false);
      expect(can(editor, { type: "application.read", organizationId: orgB })).toBe(false);
    }
    for (const ans of [reviewer, admin]) {
      expect(can(ans, { type: "application.read", organizationId: orgB })).toBe(true);
      expect(can(ans, { type: "application.manage", organizationId: orgB })).toBe(false);
    }
    expect(can(orphan, { type: "application.manage", organizationId: orgA })).toBe(false);
    expect(can(null, { type: "application.read", organizationId: orgA })).toBe(false);
    // A membership without the editor role (a reviewer added to an organisation by mistake) grants nothing editorial.
    const reviewerMember: Actor = { ...reviewer, memberships: [{ organizationId: orgA, isLegalRepresentative: true }] };
    expect(can(reviewerMember, { type: "application.manage", organizationId: orgA })).toBe(false);
  });

  it("keeps review decisions and enrolment changes to reviewers and administrators", () => {
    for (const type of ["application.review", "enrolment.manage"] as const) {
      expect(can(reviewer, { type })).toBe(true);
      expect(can(admin, { type })).toBe(true);
      expect(can(member, { type })).toBe(false);
      expect(can(legalRep, { type })).toBe(false);
      expect(can(orphan, { type })).toBe(false);
      expect(can(null, { type })).toBe(false);
    }
  });

  it("shows the whitelist and gateway configuration to reviewers, and keeps level 1 and API tokens to administrators", () => {
    for (const type of ["whitelist.view", "gatewayConfig.download"] as const) {
      expect(can(reviewer, { type })).toBe(true);
      expect(can(admin, { type })).toBe(true);
      expect(can(member, { type })).toBe(false);
      expect(can(null, { type })).toBe(false);
    }
    for (const type of ["level1Quota.manage", "apiToken.manage", "mail.manage", "webhook.manage"] as const) {
      expect(can(admin, { type })).toBe(true);
      expect(can(reviewer, { type })).toBe(false);
      expect(can(legalRep, { type })).toBe(false);
      expect(can(null, { type })).toBe(false);
    }
  });

  it("lets reviewers verify organisations and administrators alone suspend them (issue 22)", () => {
    expect(can(reviewer, { type: "organization.verify" })).toBe(true);
    expect(can(admin, { type: "organization.verify" })).toBe(true);
    expect(can(legalRep, { type: "organization.verify" })).toBe(false);
    expect(can(admin, { type: "organization.suspend" })).toBe(true);
    expect(can(reviewer, { type: "organization.suspend" })).toBe(false);
    expect(can(legalRep, { type: "organization.suspend" })).toBe(false);
  });
});
