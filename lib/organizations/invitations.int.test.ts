import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { AppError } from "../errors";
import { invitationByToken, joinAsSignedInUser, joinWithNewAccount } from "./accept-invitation.server";
import { hashInvitationToken } from "./invitation-token";
import { inviteColleague, revokeInvitation } from "./invitations.server";
import { actorOf, newOrganization, rejection, testPassword, testRequest, uniqueTestEmail } from "./test-fixtures.server";

const join = { name: "Paul Colin", password: testPassword, passwordConfirmation: testPassword };

describe("an invitation's life", () => {
  it("is sent with a hashed token and a queued mail, then accepted once by a new account", async () => {
    const { actor, organizationId } = await newOrganization({ legalName: "Éditeur Lumière SAS" });
    const email = uniqueTestEmail("colin");
    const sentAt = new Date();
    const { invitationId, token, expiresAt } = await inviteColleague(actor, organizationId, { email: email.toUpperCase(), asLegalRepresentative: false }, testRequest, sentAt);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - sentAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(stored.email).toBe(email);
    expect(JSON.stringify(stored)).not.toContain(token);
    const [mail] = await db().outboxMessage.findMany({ where: { to: email } });
    expect(mail?.subject).toBe("Invitation à rejoindre Éditeur Lumière SAS sur le portail d'adhésion au ROR");
    expect(mail?.text).toContain(`/invitation/${token}`);
    expect(mail?.text).toContain("Fondatrice Test vous invite");
    const sent = await db().event.findFirstOrThrow({ where: { name: "invitation.sent", subjectId: invitationId }, include: { personalData: true } });
    expect(sent).toMatchObject({ actorId: actor.userId, organizationId, personalData: expect.objectContaining({ ip: testRequest.ip }) });
    expect(JSON.stringify(sent.payload)).not.toContain(token);

    expect(await invitationByToken(token)).toMatchObject({ state: "pending", organizationName: "Éditeur Lumière SAS", email, asLegalRepresentative: false, accountExists: false });

    const joined = await joinWithNewAccount(token, join, testRequest);
    expect(joined).toMatchObject({ organizationId, email });
    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user).toMatchObject({ name: "Paul Colin", roles: ["EDITOR"] });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([expect.objectContaining({ organizationId, isLegalRepresentative: false })]);
    expect((await db().invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).not.toBeNull();
    const accepted = await db().event.findFirstOrThrow({ where: { name: "invitation.accepted", subjectId: invitationId }, include: { personalData: true } });
    expect(accepted).toMatchObject({ actorId: user.id, organizationId });

    // Used once: the page says so, and a second use is refused without writing anything.
    expect(await invitationByToken(token)).toEqual({ state: "accepted" });
    const users = await db().user.count();
    const again = await rejection(joinWithNewAccount(token, { ...join, name: "Intrus" }, testRequest));
    expect(again.message).toBe("Cette invitation a déjà été utilisée.");
    expect(await db().user.count()).toBe(users);
  });

  it("gives the offered legal representative role to the new member", async () => {
    const { actor, organizationId } = await newOrganization();
    const email = uniqueTestEmail("representante");
    const { token } = await inviteColleague(actor, organizationId, { email, asLegalRepresentative: true }, testRequest);
    expect(await invitationByToken(token)).toMatchObject({ asLegalRepresentative: true });
    const { userId } = await joinWithNewAccount(token, join, testRequest);
    expect(await db().membership.findFirstOrThrow({ where: { userId } })).toMatchObject({ isLegalRepresentative: true });
  });

  it("has expired after 7 days", async () => {
    const { actor, organizationId } = await newOrganization();
    const sentAt = new Date(Date.now() - 7 * 24 * 3600 * 1000 - 1000);
    const { token } = await inviteColleague(actor, organizationId, { email: uniqueTestEmail("tard"), asLegalRepresentative: false }, testRequest, sentAt);
    expect(await invitationByToken(token)).toEqual({ state: "expired" });
    const error = await rejection(joinWithNewAccount(token, join, testRequest));
    expect(error.message).toBe("Cette invitation a expiré.");
    // Still valid one second before its expiry.
    const { token: fresh } = await inviteColleague(actor, organizationId, { email: uniqueTestEmail("juste"), asLegalRepresentative: false }, testRequest, new Date(Date.now() - 7 * 24 * 3600 * 1000 + 2000));
    expect((await invitationByToken(fresh)).state).toBe("pending");
  });

  it("is revoked by a new invitation of the same address: the old link dies, the new one works", async () => {
    const { actor, organizationId } = await newOrganization();
    const email = uniqueTestEmail("double");
    const first = await inviteColleague(actor, organizationId, { email, asLegalRepresentative: false }, testRequest);
    const second = await inviteColleague(actor, organizationId, { email, asLegalRepresentative: false }, testRequest);
    expect(await invitationByToken(first.token)).toEqual({ state: "revoked" });
    expect((await rejection(joinWithNewAccount(first.token, join, testRequest))).message).toBe("Cette invitation a été annulée.");
    const revoked = await db().event.findFirstOrThrow({ where: { name: "invitation.revoked", subjectId: first.invitationId }, include: { personalData: true } });
    expect(revoked.payload).toMatchObject({ reason: "reinvited" });
    await joinWithNewAccount(second.token, join, testRequest);
    expect(await db().outboxMessage.count({ where: { to: email } })).toBe(2);
  });

  it("can be cancelled by a member, after which its link says so", async () => {
    const { actor, organizationId } = await newOrganization();
    const { token, invitationId } = await inviteColleague(actor, organizationId, { email: uniqueTestEmail("annule"), asLegalRepresentative: false }, testRequest);
    await revokeInvitation(actor, invitationId, testRequest);
    expect(await invitationByToken(token)).toEqual({ state: "revoked" });
    expect(await db().event.count({ where: { name: "invitation.revoked", subjectId: invitationId } })).toBe(1);
    expect((await rejection(revokeInvitation(actor, invitationId, testRequest))).message).toBe("Cette invitation est déjà annulée.");
  });

  it("lets exactly one of several simultaneous acceptances succeed", async () => {
    const { actor, organizationId } = await newOrganization();
    const email = uniqueTestEmail("course");
    const { token } = await inviteColleague(actor, organizationId, { email, asLegalRepresentative: false }, testRequest);
    const results = await Promise.allSettled(["Un", "Deux", "Trois", "Quatre"].map((name) => joinWithNewAccount(token, { ...join, name }, testRequest)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const failure of results.filter((r) => r.status === "rejected")) {
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    }
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect(await db().membership.count({ where: { organizationId } })).toBe(2);
    expect(await db().event.count({ where: { name: "invitation.accepted", organizationId } })).toBe(1);
  });

  it("says unknown for a token it never issued, malformed or not", async () => {
    expect(await invitationByToken("a".repeat(43))).toEqual({ state: "unknown" });
    expect(await invitationByToken("pas un jeton")).toEqual({ state: "unknown" });
    expect((await rejection(joinWithNewAccount("a".repeat(43), join, testRequest))).code).toBe("NOT_FOUND");
  });

  it("refuses, next to the field, an address that is already a member, and writes nothing", async () => {
    const { actor, organizationId, email } = await newOrganization();
    const before = await db().invitation.count();
    const error = await rejection(inviteColleague(actor, organizationId, { email: email.toUpperCase(), asLegalRepresentative: false }, testRequest));
    expect(error.fieldErrors.email).toBe("Cette personne est déjà membre de l'organisation.");
    expect(await db().invitation.count()).toBe(before);
  });

  it("refuses a malformed address next to the field", async () => {
    const { actor, organizationId } = await newOrganization();
    const error = await rejection(inviteColleague(actor, organizationId, { email: "<script>", asLegalRepresentative: false }, testRequest));
    expect(error.fieldErrors.email).toMatch(/adresse e-mail valide/);
  });

  it("lets only a legal representative offer the legal representative role", async () => {
    const { actor, organizationId } = await newOrganization();
    const { token } = await inviteColleague(actor, organizationId, { email: uniqueTestEmail("membre"), asLegalRepresentative: false }, testRequest);
    const { userId } = await joinWithNewAccount(token, join, testRequest);
    const member = await actorOf(userId);
    const before = await db().invitation.count();
    const error = await rejection(inviteColleague(member, organizationId, { email: uniqueTestEmail("x"), asLegalRepresentative: true }, testRequest));
    expect(error.fieldErrors.asLegalRepresentative).toBe("Seul un représentant légal peut inviter un autre représentant légal.");
    expect(await db().invitation.count()).toBe(before);
    // A plain member may still invite a team member.
    await inviteColleague(member, organizationId, { email: uniqueTestEmail("y"), asLegalRepresentative: false }, testRequest);
  });

  it("lets a member of an organisation without a legal representative invite one", async () => {
    const { actor, organizationId } = await newOrganization({ legalRepresentative: false });
    const { token } = await inviteColleague(actor, organizationId, { email: uniqueTestEmail("rl"), asLegalRepresentative: true }, testRequest);
    const { userId } = await joinWithNewAccount(token, join, testRequest);
    expect((await actorOf(userId)).memberships).toEqual([{ organizationId, isLegalRepresentative: true }]);
  });
});

describe("joining with an existing account", () => {
  it("sends an existing account to sign in, then adds the membership once", async () => {
    const a = await newOrganization();
    const b = await newOrganization();
    const { token, invitationId } = await inviteColleague(a.actor, a.organizationId, { email: b.email, asLegalRepresentative: false }, testRequest);
    expect(await invitationByToken(token)).toMatchObject({ state: "pending", accountExists: true });
    const error = await rejection(joinWithNewAccount(token, join, testRequest));
    expect(error.message).toMatch(/Un compte existe déjà/);
    expect((await invitationByToken(token)).state).toBe("pending");

    // Someone else, signed in, cannot use the link meant for b.
    const stranger = await rejection(joinAsSignedInUser(a.actor, token, testRequest));
    expect(stranger.code).toBe("FORBIDDEN");
    expect((await invitationByToken(token)).state).toBe("pending");

    await joinAsSignedInUser(b.actor, token, testRequest);
    expect((await actorOf(b.userId)).memberships.map((m) => m.organizationId).sort()).toEqual([a.organizationId, b.organizationId].sort());
    expect(await db().event.findFirstOrThrow({ where: { name: "invitation.accepted", subjectId: invitationId }, include: { personalData: true } })).toMatchObject({ actorId: b.userId, organizationId: a.organizationId });
    expect((await rejection(joinAsSignedInUser(b.actor, token, testRequest))).message).toBe("Cette invitation a déjà été utilisée.");
  });
});
