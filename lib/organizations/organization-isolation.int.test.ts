import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { joinWithNewAccount } from "./accept-invitation.server";
import { inviteColleague, revokeInvitation } from "./invitations.server";
import { removeMember, setLegalRepresentative } from "./memberships.server";
import { organizationPage } from "./organization-page.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueTestEmail } from "./test-fixtures.server";
import { updateOrganization } from "./update-organization.server";

/** Everything of organisation B that A could try to reach, and a snapshot to prove nothing moved. */
async function setting() {
  const a = await newOrganization({ legalName: "Organisation A" });
  const b = await newOrganization({ legalName: "Organisation B" });
  const { token } = await inviteColleague(b.actor, b.organizationId, { email: uniqueTestEmail("b-membre"), asLegalRepresentative: false }, testRequest);
  const { userId } = await joinWithNewAccount(token, { name: "Membre B", password: testPassword, passwordConfirmation: testPassword }, testRequest);
  const pending = await inviteColleague(b.actor, b.organizationId, { email: uniqueTestEmail("b-invite"), asLegalRepresentative: false }, testRequest);
  const memberships = await db().membership.findMany({ where: { organizationId: b.organizationId } });
  const founderMembershipId = memberships.find((m) => m.userId === b.userId)!.id;
  const memberMembershipId = memberships.find((m) => m.userId === userId)!.id;
  const organization = await db().organization.findUniqueOrThrow({ where: { id: b.organizationId } });
  return { a, b, founderMembershipId, memberMembershipId, pendingInvitationId: pending.invitationId, version: organization.updatedAt.toISOString() };
}

async function snapshotOf(organizationId: string) {
  const [organization, memberships, invitations, events] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db().membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().event.count({ where: { organizationId } }),
  ]);
  return { organization, memberships, invitations, events };
}

const forgedIds = ["pas-un-identifiant", "' OR 1=1 --", randomUUID()];

describe("an editor of organisation A and organisation B", () => {
  it("cannot read or change anything of B, whatever id it sends", async () => {
    const s = await setting();
    const before = await snapshotOf(s.b.organizationId);
    const attacker: Actor = s.a.actor;
    const details = { legalName: "Piratée", siret: "73282932000074", address: "Ailleurs", version: s.version };
    const attempts: [string, () => Promise<unknown>][] = [
      ["read B's page", () => organizationPage(attacker, s.b.organizationId)],
      ["change B's details", () => updateOrganization(attacker, s.b.organizationId, details, testRequest)],
      ["invite into B", () => inviteColleague(attacker, s.b.organizationId, { email: uniqueTestEmail("intrus"), asLegalRepresentative: true }, testRequest)],
      ["cancel B's invitation", () => revokeInvitation(attacker, s.pendingInvitationId, testRequest)],
      ["name B's member legal representative", () => setLegalRepresentative(attacker, s.memberMembershipId, true, testRequest)],
      ["remove B's legal representative role", () => setLegalRepresentative(attacker, s.founderMembershipId, false, testRequest)],
      ["remove B's member", () => removeMember(attacker, s.memberMembershipId, testRequest)],
      ...forgedIds.flatMap((id): [string, () => Promise<unknown>][] => [
        [`read ${id}`, () => organizationPage(attacker, id)],
        [`change ${id}`, () => updateOrganization(attacker, id, details, testRequest)],
        [`invite into ${id}`, () => inviteColleague(attacker, id, { email: uniqueTestEmail("intrus"), asLegalRepresentative: false }, testRequest)],
        [`cancel ${id}`, () => revokeInvitation(attacker, id, testRequest)],
        [`name ${id}`, () => setLegalRepresentative(attacker, id, true, testRequest)],
        [`remove ${id}`, () => removeMember(attacker, id, testRequest)],
      ]),
    ];
    for (const [label, attempt] of attempts) {
      const error = await rejection(attempt());
      expect(error.code, label).toBe("NOT_FOUND");
    }
    expect(await snapshotOf(s.b.organizationId)).toEqual(before);
  });

  it("gets B's ids refused even by a legal representative of A who forges an actor claiming B", async () => {
    const s = await setting();
    const before = await snapshotOf(s.b.organizationId);
    // A stale or forged actor claiming a membership it does not have in the database.
    const forged: Actor = { ...s.a.actor, memberships: [...s.a.actor.memberships, { organizationId: s.b.organizationId, isLegalRepresentative: true }] };
    expect((await rejection(inviteColleague(forged, s.b.organizationId, { email: uniqueTestEmail("intrus"), asLegalRepresentative: true }, testRequest))).code).toBe("NOT_FOUND");
    const details = { legalName: "Piratée", siret: "73282932000074", address: "Ailleurs", version: s.version };
    expect((await rejection(updateOrganization(forged, s.b.organizationId, details, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(revokeInvitation(forged, s.pendingInvitationId, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(setLegalRepresentative(forged, s.memberMembershipId, true, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(removeMember(forged, s.memberMembershipId, testRequest))).code).toBe("FORBIDDEN");
    expect(await snapshotOf(s.b.organizationId)).toEqual(before);
  });

  it("each sees only their own people", async () => {
    const s = await setting();
    const pageA = await organizationPage(s.a.actor, s.a.organizationId);
    expect(pageA.organization.legalName).toBe("Organisation A");
    expect(pageA.members.map((m) => m.email)).toEqual([s.a.email]);
    expect(pageA.pendingInvitations).toEqual([]);
    const pageB = await organizationPage(await actorOf(s.b.userId), s.b.organizationId);
    expect(pageB.members).toHaveLength(2);
    expect(pageB.pendingInvitations).toHaveLength(1);
  });

  it("lets ANS staff read an organisation but not change it", async () => {
    const s = await setting();
    const reviewer: Actor = { userId: randomUUID(), roles: ["ANS_REVIEWER"], memberships: [] };
    expect((await organizationPage(reviewer, s.b.organizationId)).organization.legalName).toBe("Organisation B");
    const details = { legalName: "Piratée", siret: "73282932000074", address: "Ailleurs", version: s.version };
    expect((await rejection(updateOrganization(reviewer, s.b.organizationId, details, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(inviteColleague(reviewer, s.b.organizationId, { email: uniqueTestEmail("x"), asLegalRepresentative: false }, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(removeMember(reviewer, s.memberMembershipId, testRequest))).code).toBe("NOT_FOUND");
  });
});
