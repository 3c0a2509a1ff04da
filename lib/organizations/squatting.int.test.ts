// ANS's resolution of squatting (issue 22, ADR 0057): a join request reaches ANS after 15 days unanswered or on the
// requester's claim; a reviewer transfers the organisation, removes members, or refuses it, each in one transaction
// with its events and mails. Editors, forged ids and decided cases are refused, writing nothing.
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueTestEmail } from "../testing/organization-fixtures.server";
import { signUpEditor } from "./sign-up.server";
import { SQUATTING_MESSAGES } from "./squatting";
import {
  claimLegalRepresentation,
  escalateUnansweredJoinRequests,
  refuseSquattingOrganization,
  removeMembersByAns,
  squattingCase,
  squattingQueue,
  transferOrganization,
} from "./squatting.server";

const DAY = 24 * 60 * 60_000;

async function squattedCase() {
  const holder = await newOrganization();
  const siret = (await db().organization.findUniqueOrThrow({ where: { id: holder.organizationId } })).siret;
  // A staff member of the holder, to be removed.
  const helper = await createPerson(["EDITOR"], "Complice Test");
  const helperMembership = await db().membership.create({ data: { userId: helper.userId, organizationId: holder.organizationId } });
  const email = uniqueTestEmail("vrai-representant");
  const outcome = await signUpEditor(
    { name: "Vraie Représentante", email, password: testPassword, passwordConfirmation: testPassword, legalName: "Vraie SAS", siret, address: "3 rue Juste, 75003 Paris", isLegalRepresentative: true },
    testRequest,
  );
  if (outcome.outcome !== "join_requested") throw new Error(`expected a join request, got ${outcome.outcome}`);
  await db().user.update({ where: { id: outcome.userId }, data: { emailVerifiedAt: new Date() } });
  const requester = { userId: outcome.userId, email, joinRequestId: outcome.joinRequestId, actor: await actorOf(outcome.userId) };
  await claimLegalRepresentation(requester.actor, requester.joinRequestId, testRequest);
  const reviewer = await createPerson(["ANS_REVIEWER"], "Relectrice ANS");
  return { holder, requester, reviewer, helper, helperMembership };
}

const events = (organizationId: string) => db().event.findMany({ where: { organizationId }, select: { name: true }, orderBy: { id: "asc" } }).then((rows) => rows.map((r) => r.name));
const writesOf = async (organizationId: string, people: string[]) => ({
  events: await db().event.count({ where: { organizationId } }),
  memberships: await db().membership.count({ where: { organizationId } }),
  mails: await db().outboxMessage.count({ where: { to: { in: people } } }),
  organization: await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { status: true, statusReason: true } }),
});

describe("ANS's resolution of squatting", () => {
  it("escalates requests unanswered for 15 days, once, and lists them oldest first", async () => {
    const holder = await newOrganization();
    const siret = (await db().organization.findUniqueOrThrow({ where: { id: holder.organizationId } })).siret;
    const email = uniqueTestEmail("patient");
    const outcome = await signUpEditor(
      { name: "Patient Test", email, password: testPassword, passwordConfirmation: testPassword, legalName: "X", siret, address: "Paris", isLegalRepresentative: false },
      testRequest,
    );
    if (outcome.outcome !== "join_requested") throw new Error("expected a join request");
    await db().user.update({ where: { id: outcome.userId }, data: { emailVerifiedAt: new Date() } });
    const sixteenDaysAgo = new Date(Date.now() - 16 * DAY);
    await db().joinRequest.update({ where: { id: outcome.joinRequestId }, data: { createdAt: sixteenDaysAgo } });

    await escalateUnansweredJoinRequests(new Date());
    const row = await db().joinRequest.findUniqueOrThrow({ where: { id: outcome.joinRequestId } });
    expect(row.escalationCause).toBe("unanswered");
    expect(await db().outboxMessage.count({ where: { to: email, kind: "join_request.escalated" } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { to: holder.email, kind: "join_request.escalated" } })).toBe(1);
    // A second run does nothing more.
    await escalateUnansweredJoinRequests(new Date());
    expect(await db().outboxMessage.count({ where: { to: email, kind: "join_request.escalated" } })).toBe(1);

    const reviewer = await createPerson(["ANS_REVIEWER"]);
    const queue = await squattingQueue(reviewer);
    const mine = queue.rows.find((r) => r.joinRequestId === outcome.joinRequestId);
    expect(mine).toMatchObject({ cause: "unanswered", organizationId: holder.organizationId });
    const times = queue.rows.map((r) => r.escalatedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("transfers the organisation to the requester: holders removed and mailed, back to non vérifiée, all recorded", async () => {
    const { holder, requester, reviewer } = await squattedCase();
    const view = await squattingCase(reviewer, requester.joinRequestId);
    expect(view.members.map((m) => m.email)).toContain(holder.email);
    expect(view.cause).toBe("claim");

    const invalid = await rejection(transferOrganization(reviewer, requester.joinRequestId, { reason: " " }, testRequest));
    expect(invalid.fieldErrors.reason).toBe(SQUATTING_MESSAGES.reasonRequired);

    await transferOrganization(reviewer, requester.joinRequestId, { reason: "Kbis du 1er décembre : la demandeuse est la présidente." }, testRequest);
    const memberships = await db().membership.findMany({ where: { organizationId: holder.organizationId }, select: { userId: true, isLegalRepresentative: true } });
    expect(memberships.find((m) => m.userId === requester.userId)).toMatchObject({ isLegalRepresentative: true });
    expect(memberships.find((m) => m.userId === holder.userId)).toBeUndefined();
    expect(await db().organization.findUniqueOrThrow({ where: { id: holder.organizationId } })).toMatchObject({ status: "UNVERIFIED" });
    expect(await db().joinRequest.findUniqueOrThrow({ where: { id: requester.joinRequestId } })).toMatchObject({ status: "ACCEPTED", ansResolution: "transferred" });
    expect(await events(holder.organizationId)).toEqual(expect.arrayContaining(["join_request.escalated", "membership.removed", "organization.verification_reset", "join_request.transferred"]));
    expect(await db().outboxMessage.count({ where: { to: requester.email, kind: "join_request.transferred" } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { to: holder.email, kind: "membership.removed_by_ans" } })).toBe(1);
    const toRequester = await db().outboxMessage.findMany({ where: { to: requester.email } });
    for (const mail of toRequester) expect(mail.text).not.toContain(holder.email);

    // Decided once: a second transfer or a refusal is refused.
    expect((await rejection(transferOrganization(reviewer, requester.joinRequestId, { reason: "encore" }, testRequest))).message).toBe(SQUATTING_MESSAGES.resolved);
    expect((await rejection(refuseSquattingOrganization(reviewer, requester.joinRequestId, { reason: "encore" }, testRequest))).message).toBe(SQUATTING_MESSAGES.resolved);
  });

  it("removes members chosen by ANS, their sessions ended, the case still open", async () => {
    const { holder, requester, reviewer, helper, helperMembership } = await squattedCase();
    const empty = await rejection(removeMembersByAns(reviewer, requester.joinRequestId, { membershipIds: [], reason: "x" }, testRequest));
    expect(empty.fieldErrors.membershipIds).toBe(SQUATTING_MESSAGES.noMemberChosen);
    const other = await newOrganization();
    const otherMembership = await db().membership.findFirstOrThrow({ where: { organizationId: other.organizationId } });
    const people = [holder.email, requester.email, helper.email];
    const before = await writesOf(holder.organizationId, people);
    const foreign = await rejection(removeMembersByAns(reviewer, requester.joinRequestId, { membershipIds: [helperMembership.id, otherMembership.id], reason: "x" }, testRequest));
    expect(foreign.fieldErrors.membershipIds).toBe(SQUATTING_MESSAGES.memberNotFound);
    expect(await writesOf(holder.organizationId, people)).toEqual(before);
    expect(await db().membership.count({ where: { id: otherMembership.id } })).toBe(1);

    await removeMembersByAns(reviewer, requester.joinRequestId, { membershipIds: [helperMembership.id], reason: "Personne inconnue de la société." }, testRequest);
    expect(await db().membership.count({ where: { id: helperMembership.id } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { to: helper.email, kind: "membership.removed_by_ans" } })).toBe(1);
    expect(await events(holder.organizationId)).toEqual(expect.arrayContaining(["membership.removed", "join_request.members_removed"]));
    expect((await db().joinRequest.findUniqueOrThrow({ where: { id: requester.joinRequestId } })).ansResolvedAt).toBeNull();
  });

  it("refuses the squatting organisation with its reason, its people and the requester mailed", async () => {
    const { holder, requester, reviewer } = await squattedCase();
    await refuseSquattingOrganization(reviewer, requester.joinRequestId, { reason: "Aucun lien avec la société." }, testRequest);
    expect(await db().organization.findUniqueOrThrow({ where: { id: holder.organizationId } })).toMatchObject({ status: "REFUSED", statusReason: "Aucun lien avec la société." });
    expect(await db().joinRequest.findUniqueOrThrow({ where: { id: requester.joinRequestId } })).toMatchObject({ status: "REFUSED", ansResolution: "organization_refused" });
    expect(await events(holder.organizationId)).toEqual(expect.arrayContaining(["organization.refused", "join_request.organization_refused"]));
    expect(await db().outboxMessage.count({ where: { to: holder.email, kind: "organization.refused" } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { to: requester.email, kind: "join_request.organization_refused" } })).toBe(1);
  });

  it("refuses editors (403), forged ids (404), a case not sent to ANS and another's claim, writing nothing", async () => {
    const { holder, requester, helper, helperMembership } = await squattedCase();
    const people = [holder.email, requester.email, helper.email];
    const before = await writesOf(holder.organizationId, people);
    for (const act of [
      transferOrganization(holder.actor, requester.joinRequestId, { reason: "moi" }, testRequest),
      removeMembersByAns(holder.actor, requester.joinRequestId, { membershipIds: [helperMembership.id], reason: "moi" }, testRequest),
      refuseSquattingOrganization(requester.actor, requester.joinRequestId, { reason: "moi" }, testRequest),
      squattingQueue(holder.actor),
    ]) {
      expect((await rejection(act)).code).toBe("FORBIDDEN");
    }
    const reviewer = await createPerson(["ANS_REVIEWER"]);
    for (const forged of ["not-a-uuid", "1 OR 1=1", "00000000-0000-4000-8000-000000000000", 42, undefined]) {
      expect((await rejection(transferOrganization(reviewer, forged, { reason: "x" }, testRequest))).code).toBe("NOT_FOUND");
      expect((await rejection(squattingCase(reviewer, forged))).code).toBe("NOT_FOUND");
    }
    expect((await rejection(removeMembersByAns(reviewer, requester.joinRequestId, { membershipIds: ["pas-un-uuid"], reason: "x" }, testRequest))).code).toBe("VALIDATION");
    // Somebody else cannot send the request to ANS; the requester cannot twice.
    expect((await rejection(claimLegalRepresentation(holder.actor, requester.joinRequestId, testRequest))).code).toBe("NOT_FOUND");
    expect((await rejection(claimLegalRepresentation(requester.actor, requester.joinRequestId, testRequest))).message).toBe(SQUATTING_MESSAGES.alreadyEscalated);
    expect(await writesOf(holder.organizationId, people)).toEqual(before);

    // A request that never reached ANS is not ANS's to decide.
    const fresh = await newOrganization();
    const siret = (await db().organization.findUniqueOrThrow({ where: { id: fresh.organizationId } })).siret;
    const outcome = await signUpEditor(
      { name: "Tôt Venu", email: uniqueTestEmail("tot"), password: testPassword, passwordConfirmation: testPassword, legalName: "Y", siret, address: "Paris", isLegalRepresentative: false },
      testRequest,
    );
    if (outcome.outcome !== "join_requested") throw new Error("expected a join request");
    expect((await rejection(transferOrganization(reviewer, outcome.joinRequestId, { reason: "x" }, testRequest))).code).toBe("NOT_FOUND");
  });
});
