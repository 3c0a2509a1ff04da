// Join requests (issue 22): a sign-up with a taken SIRET asks to join, the legal representatives accept or refuse,
// the requester is told; one's own organisation and more than 20 requests an hour are refused, writing nothing.
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueSiret, uniqueTestEmail } from "../testing/organization-fixtures.server";
import { decideJoinRequest, JOIN_REQUEST_MESSAGES, JOIN_REQUESTS_PER_HOUR, pendingJoinRequests, requestToJoin } from "./join-requests.server";
import { signUpEditor } from "./sign-up.server";

async function signUpWith(siret: string, name = "Rémi Requérant") {
  const email = uniqueTestEmail("requerant");
  const outcome = await signUpEditor(
    { name, email, password: testPassword, passwordConfirmation: testPassword, legalName: "Autre nom SAS", siret, address: "2 rue Neuve, 75002 Paris", isLegalRepresentative: false },
    testRequest,
  );
  if (outcome.outcome !== "join_requested") throw new Error(`expected a join request, got ${outcome.outcome}`);
  await db().user.update({ where: { id: outcome.userId }, data: { emailVerifiedAt: new Date() } });
  return { ...outcome, email };
}

const siretOf = async (organizationId: string) => (await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).siret;

describe("join requests", () => {
  it("are accepted by a legal representative: the requester becomes a member and is mailed; staff cannot decide", async () => {
    const holder = await newOrganization();
    const staff = await createPerson(["EDITOR"], "Membre Simple");
    await db().membership.create({ data: { userId: staff.userId, organizationId: holder.organizationId } });
    const requester = await signUpWith(await siretOf(holder.organizationId));
    expect((await pendingJoinRequests(holder.organizationId)).map((r) => r.email)).toEqual([requester.email]);

    expect((await rejection(decideJoinRequest(await actorOf(staff.userId), requester.joinRequestId, true, testRequest))).code).toBe("FORBIDDEN");
    const stranger = await newOrganization();
    expect((await rejection(decideJoinRequest(stranger.actor, requester.joinRequestId, true, testRequest))).code).toBe("NOT_FOUND");

    await decideJoinRequest(holder.actor, requester.joinRequestId, true, testRequest);
    expect(await db().membership.findFirst({ where: { userId: requester.userId, organizationId: holder.organizationId } })).toMatchObject({ isLegalRepresentative: false });
    expect(await db().outboxMessage.count({ where: { to: requester.email, kind: "join_request.accepted" } })).toBe(1);
    expect((await rejection(decideJoinRequest(holder.actor, requester.joinRequestId, false, testRequest))).message).toBe(JOIN_REQUEST_MESSAGES.decided);
    expect(await pendingJoinRequests(holder.organizationId)).toEqual([]);
  });

  it("are refused by a legal representative, the requester told and never made a member", async () => {
    const holder = await newOrganization();
    const requester = await signUpWith(await siretOf(holder.organizationId));
    await decideJoinRequest(holder.actor, requester.joinRequestId, false, testRequest);
    expect(await db().membership.count({ where: { userId: requester.userId } })).toBe(0);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: requester.email, kind: "join_request.refused" } });
    expect(mail.text).not.toContain(holder.email);
  });

  it("refuse a request for one's own organisation, and throttle an account past 20 an hour, writing nothing", async () => {
    const own = await newOrganization();
    const error = await rejection(requestToJoin(own.actor, { siret: await siretOf(own.organizationId) }, testRequest));
    expect(error.fieldErrors.siret).toBe(JOIN_REQUEST_MESSAGES.ownOrganization);

    const targets = await Promise.all(
      Array.from({ length: JOIN_REQUESTS_PER_HOUR + 1 }, (_, i) => db().organization.create({ data: { legalName: `Cible ${i} SAS`, siret: uniqueSiret(), address: "Paris" } })),
    );
    for (const target of targets.slice(0, JOIN_REQUESTS_PER_HOUR)) await requestToJoin(own.actor, { siret: target.siret }, testRequest);
    const before = await db().joinRequest.count({ where: { requesterId: own.userId } });
    const throttled = await rejection(requestToJoin(own.actor, { siret: targets.at(-1)!.siret }, testRequest));
    expect(throttled.code).toBe("RATE_LIMITED");
    expect(throttled.message).toBe(JOIN_REQUEST_MESSAGES.throttled);
    expect(await db().joinRequest.count({ where: { requesterId: own.userId } })).toBe(before);
  });
});
