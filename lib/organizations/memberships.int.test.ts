import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { joinWithNewAccount } from "./accept-invitation.server";
import { inviteColleague } from "./invitations.server";
import { LAST_LEGAL_REPRESENTATIVE } from "./legal-representatives";
import { removeMember, setLegalRepresentative } from "./memberships.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueTestEmail } from "./test-fixtures.server";

/** An organisation with its legal representative (the founder) and a plain member. */
async function organizationWithMember() {
  const founder = await newOrganization();
  const { token } = await inviteColleague(founder.actor, founder.organizationId, { email: uniqueTestEmail("membre"), asLegalRepresentative: false }, testRequest);
  const { userId } = await joinWithNewAccount(token, { name: "Membre Test", password: testPassword, passwordConfirmation: testPassword }, testRequest);
  const membershipOf = async (id: string) => (await db().membership.findFirstOrThrow({ where: { userId: id, organizationId: founder.organizationId } })).id;
  return {
    ...founder,
    founderMembershipId: await membershipOf(founder.userId),
    memberUserId: userId,
    memberMembershipId: await membershipOf(userId),
    member: await actorOf(userId),
  };
}

async function legalRepresentatives(organizationId: string) {
  return db().membership.count({ where: { organizationId, isLegalRepresentative: true } });
}

describe("legal representatives", () => {
  it("are named and removed by a legal representative, with audit events", async () => {
    const org = await organizationWithMember();
    expect(await setLegalRepresentative(org.actor, org.memberMembershipId, true, testRequest)).toMatchObject({ changed: true, memberName: "Membre Test" });
    expect(await legalRepresentatives(org.organizationId)).toBe(2);
    expect(await setLegalRepresentative(org.actor, org.memberMembershipId, true, testRequest)).toMatchObject({ changed: false });
    const named = await db().event.findMany({ where: { name: "membership.legal_representative_named", organizationId: org.organizationId }, include: { personalData: true } });
    expect(named).toEqual([expect.objectContaining({ actorId: org.userId, subjectId: org.memberMembershipId, personalData: expect.objectContaining({ ip: testRequest.ip }) })]);

    // The founder may now step down, since another legal representative remains.
    await setLegalRepresentative(org.actor, org.founderMembershipId, false, testRequest);
    expect(await legalRepresentatives(org.organizationId)).toBe(1);
    expect(await db().event.count({ where: { name: "membership.legal_representative_removed", subjectId: org.founderMembershipId } })).toBe(1);
  });

  it("cannot be named by a member who is not one, and nothing is written", async () => {
    const org = await organizationWithMember();
    const events = await db().event.count();
    const error = await rejection(setLegalRepresentative(org.member, org.memberMembershipId, true, testRequest));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Seul un représentant légal de l'organisation peut faire cela.");
    expect(await legalRepresentatives(org.organizationId)).toBe(1);
    expect(await db().event.count()).toBe(events);
    expect((await rejection(setLegalRepresentative(org.member, org.founderMembershipId, false, testRequest))).code).toBe("FORBIDDEN");
    expect((await rejection(removeMember(org.member, org.founderMembershipId, testRequest))).code).toBe("FORBIDDEN");
  });

  it("always keeps one: the last one can neither step down nor be removed", async () => {
    const org = await organizationWithMember();
    const stepDown = await rejection(setLegalRepresentative(org.actor, org.founderMembershipId, false, testRequest));
    expect(stepDown.message).toBe(LAST_LEGAL_REPRESENTATIVE);
    const removal = await rejection(removeMember(org.actor, org.founderMembershipId, testRequest));
    expect(removal.message).toBe(LAST_LEGAL_REPRESENTATIVE);
    expect(await legalRepresentatives(org.organizationId)).toBe(1);
  });

  it("keeps one even when two legal representatives step down at the same time", async () => {
    const org = await organizationWithMember();
    await setLegalRepresentative(org.actor, org.memberMembershipId, true, testRequest);
    const second = await actorOf(org.memberUserId);
    const results = await Promise.allSettled([
      setLegalRepresentative(org.actor, org.founderMembershipId, false, testRequest),
      setLegalRepresentative(second, org.memberMembershipId, false, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await legalRepresentatives(org.organizationId)).toBe(1);
  });

  it("keeps one even when each removes the other at the same time", async () => {
    const org = await organizationWithMember();
    await setLegalRepresentative(org.actor, org.memberMembershipId, true, testRequest);
    const second = await actorOf(org.memberUserId);
    const results = await Promise.allSettled([
      removeMember(org.actor, org.memberMembershipId, testRequest),
      removeMember(second, org.founderMembershipId, testRequest),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await legalRepresentatives(org.organizationId)).toBe(1);
    expect(await db().membership.count({ where: { organizationId: org.organizationId } })).toBe(1);
  });
});

describe("removing a member", () => {
  it("is done by a legal representative, audited, and the person loses access", async () => {
    const org = await organizationWithMember();
    await removeMember(org.actor, org.memberMembershipId, testRequest);
    expect(await db().membership.findUnique({ where: { id: org.memberMembershipId } })).toBeNull();
    expect((await actorOf(org.memberUserId)).memberships).toEqual([]);
    const removed = await db().event.findFirstOrThrow({ where: { name: "membership.removed", subjectId: org.memberMembershipId }, include: { personalData: true } });
    expect(removed.payload).toMatchObject({ userId: org.memberUserId, wasLegalRepresentative: false });
    expect((await rejection(removeMember(org.actor, org.memberMembershipId, testRequest))).code).toBe("NOT_FOUND");
  });
});
