import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { secondFactorGate } from "../second-factor/policy";
import { secondFactorStanding } from "../second-factor/requirement.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueTestEmail } from "../testing/organization-fixtures.server";
import { joinWithNewAccount } from "./accept-invitation.server";
import { inviteColleague } from "./invitations.server";
import { setSecondFactorRequirement } from "./second-factor-requirement.server";

async function organizationWithMember() {
  const founder = await newOrganization();
  const { token } = await inviteColleague(founder.actor, founder.organizationId, { email: uniqueTestEmail("membre"), asLegalRepresentative: false }, testRequest);
  const { userId } = await joinWithNewAccount(token, { name: "Membre Test", password: testPassword, passwordConfirmation: testPassword }, testRequest);
  return { ...founder, memberUserId: userId, member: await actorOf(userId) };
}

const setting = async (organizationId: string) => (await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).requireSecondFactor;
const signInGate = async (userId: string) => {
  const standing = (await secondFactorStanding({ id: userId }))!;
  return secondFactorGate({ required: standing.required, enrolled: standing.enrolled, passed: false });
};

describe("an organisation's second-factor requirement", () => {
  it("is set by a legal representative, recorded, leaves the details' version alone, and gates its members at sign-in", async () => {
    const org = await organizationWithMember();
    expect(await signInGate(org.memberUserId)).toBeNull();
    const before = await db().organization.findUniqueOrThrow({ where: { id: org.organizationId }, select: { updatedAt: true } });

    expect(await setSecondFactorRequirement(org.actor, org.organizationId, { requireSecondFactor: true }, testRequest)).toEqual({ changed: true, required: true });
    expect(await setting(org.organizationId)).toBe(true);
    expect((await db().organization.findUniqueOrThrow({ where: { id: org.organizationId }, select: { updatedAt: true } })).updatedAt).toEqual(before.updatedAt);
    const events = await db().event.findMany({ where: { name: "organization.second_factor_requirement_changed", organizationId: org.organizationId } });
    expect(events).toEqual([expect.objectContaining({ actorId: org.userId, subjectId: org.organizationId, payload: { required: true } })]);

    // A member without a factor enrols before anything else; the legal representative too.
    expect(await signInGate(org.memberUserId)).toBe("second_factor_enrolment");
    expect(await signInGate(org.userId)).toBe("second_factor_enrolment");
    // With a factor, the member passes the code step.
    await db().totpFactor.create({ data: { userId: org.memberUserId, secretEncrypted: "sealed", confirmedAt: new Date() } });
    expect(await signInGate(org.memberUserId)).toBe("second_factor");

    // Posting the same value again changes and records nothing.
    expect(await setSecondFactorRequirement(org.actor, org.organizationId, { requireSecondFactor: true }, testRequest)).toEqual({ changed: false, required: true });
    expect(await db().event.count({ where: { name: "organization.second_factor_requirement_changed", organizationId: org.organizationId } })).toBe(1);

    await setSecondFactorRequirement(org.actor, org.organizationId, { requireSecondFactor: false }, testRequest);
    expect(await signInGate(org.userId)).toBeNull();
  });

  it("is refused to a member who is not a legal representative, to outsiders, and to bad input, nothing written", async () => {
    const org = await organizationWithMember();
    const outsider = await newOrganization();
    expect(await rejection(setSecondFactorRequirement(org.member, org.organizationId, { requireSecondFactor: true }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(setSecondFactorRequirement(outsider.actor, org.organizationId, { requireSecondFactor: true }, testRequest))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(setSecondFactorRequirement(org.actor, "pas-un-id", { requireSecondFactor: true }, testRequest))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(setSecondFactorRequirement(org.actor, org.organizationId, { requireSecondFactor: "oui" }, testRequest))).toMatchObject({ code: "VALIDATION" });
    // A stale session: the role was taken away since it was read.
    await db().membership.updateMany({ where: { organizationId: org.organizationId, userId: org.userId }, data: { isLegalRepresentative: false } });
    expect(await rejection(setSecondFactorRequirement(org.actor, org.organizationId, { requireSecondFactor: true }, testRequest))).toMatchObject({ code: "FORBIDDEN" });
    expect(await setting(org.organizationId)).toBe(false);
    expect(await db().event.count({ where: { name: "organization.second_factor_requirement_changed", organizationId: org.organizationId } })).toBe(0);
  });
});
