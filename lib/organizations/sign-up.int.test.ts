import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { signUpEditor } from "./sign-up.server";
import { rejection } from "../testing/rejection";
import { PASSWORD_MESSAGES } from "../accounts/password-rules";

const request = { ip: "203.0.113.7", userAgent: "vitest" };
const valid = {
  name: "Alice Durand",
  email: "Alice.Durand@Exemple.fr",
  password: "une phrase de passe solide",
  passwordConfirmation: "une phrase de passe solide",
  legalName: "Éditeur Exemple SAS",
  siret: "732 829 320 00074",
  address: "1 place de la Mairie, 75001 Paris",
  isLegalRepresentative: true,
};

async function counts() {
  const [users, organizations, memberships, events, links] = await Promise.all([
    db().user.count(),
    db().organization.count(),
    db().membership.count(),
    db().event.count(),
    db().accountLink.count(),
  ]);
  return { users, organizations, memberships, events, links };
}

const mailsTo = (to: string) => db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("signing up an editor", () => {
  it("creates the user (unverified), the organisation, the membership, the events and the verification mail together", async () => {
    const outcome = await signUpEditor(valid, request);
    if (outcome.outcome !== "created") throw new Error("expected an account");
    const { userId, organizationId, verificationToken } = outcome;
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "alice.durand@exemple.fr", roles: ["EDITOR"], emailVerifiedAt: null, mustChangePassword: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([expect.objectContaining({ organizationId, isLegalRepresentative: true })]);
    const organization = await db().organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(organization.siret).toBe("73282932000074");
    const events = await db().event.findMany({ where: { organizationId }, orderBy: { name: "asc" }, include: { personalData: true } });
    expect(events.map((e) => e.name)).toEqual(["organization.created", "user.signed_up", "user.verification_sent"]);
    expect(events[0]!.personalData?.ip).toBe("203.0.113.7");
    const [mail] = await mailsTo("alice.durand@exemple.fr");
    expect(mail).toMatchObject({ kind: "account.verify_email", subject: "Confirmez votre adresse e-mail sur le portail d'adhésion au ROR" });
    expect(mail!.text).toContain(`/confirmation-adresse/${verificationToken}`);
    // Only the token's hash is stored.
    const link = await db().accountLink.findFirstOrThrow({ where: { userId } });
    expect(link).toMatchObject({ purpose: "VERIFY_EMAIL", email: "alice.durand@exemple.fr", usedAt: null });
    expect(link.tokenHash).not.toContain(verificationToken);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(24 * 3600_000);
  });

  it("answers the same for an address that has an account, creates nothing, and mails its owner once per 10 minutes", async () => {
    const before = await counts();
    const again = { ...valid, email: "ALICE.durand@exemple.fr", siret: "13000548100010", name: "Quelqu'un d'autre" };
    expect(await signUpEditor(again, request)).toEqual({ outcome: "existing" });
    expect(await signUpEditor(again, request)).toEqual({ outcome: "existing" });
    const after = await counts();
    expect({ ...after, events: 0 }).toEqual({ ...before, events: 0 });
    const mails = (await mailsTo("alice.durand@exemple.fr")).filter((m) => m.kind === "account.already_registered");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Bonjour Alice Durand,");
    expect(mails[0]!.text).toContain("Vous avez déjà un compte : connectez-vous ou réinitialisez votre mot de passe.");
    expect(mails[0]!.text).toContain("/mot-de-passe-oublie");
    const duplicates = await db().event.findMany({ where: { name: "user.duplicate_sign_up" }, orderBy: { occurredAt: "asc" } });
    expect(duplicates.map((e) => e.payload)).toEqual([{ mailed: true }, { mailed: false }]);
    // Ten minutes later, another mail may go.
    await signUpEditor(again, request, { now: new Date(Date.now() + 11 * 60_000) });
    expect((await mailsTo("alice.durand@exemple.fr")).filter((m) => m.kind === "account.already_registered")).toHaveLength(2);
  });

  it("turns a taken SIRET into a join request: no second organisation, the legal representatives mailed, the holder never named (issue 22)", async () => {
    const organizations = await db().organization.count();
    const outcome = await signUpEditor({ ...valid, email: "nouvelle@exemple.fr", name: "Nina Nouvelle" }, request);
    if (outcome.outcome !== "join_requested") throw new Error("expected a join request");
    expect(await db().organization.count()).toBe(organizations);
    expect(await db().membership.count({ where: { userId: outcome.userId } })).toBe(0);
    expect(await db().joinRequest.findUniqueOrThrow({ where: { id: outcome.joinRequestId } })).toMatchObject({ status: "PENDING", requesterId: outcome.userId });
    const toHolder = (await mailsTo("alice.durand@exemple.fr")).filter((m) => m.kind === "join_request.received");
    expect(toHolder).toHaveLength(1);
    expect(toHolder[0]!.text).toContain("Nina Nouvelle demande à rejoindre");
    // The requester gets the usual verification mail, which names nobody of the organisation.
    const toRequester = await mailsTo("nouvelle@exemple.fr");
    expect(toRequester.map((m) => m.kind)).toEqual(["account.verify_email"]);
    expect(toRequester[0]!.text).not.toContain("Alice");
  });

  it.each([
    ["siret", { siret: "73282932000075" }, "Ce SIRET n'est pas valide (clé de contrôle incorrecte)."],
    ["password", { password: "court", passwordConfirmation: "court" }, "Le mot de passe doit comporter au moins 12 caractères."],
    ["password", { password: "password1234", passwordConfirmation: "password1234" }, PASSWORD_MESSAGES.common],
    ["password", { password: "Bonjour123456", passwordConfirmation: "Bonjour123456" }, expect.stringMatching(/^Ce mot de passe est trop facile à deviner\./)],
    ["legalName", { legalName: "   " }, "Saisissez la raison sociale."],
    ["email", { email: "pas-une-adresse" }, "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."],
    ["passwordConfirmation", { passwordConfirmation: "autre chose encore" }, "Les deux mots de passe ne correspondent pas."],
    ["name", { name: "x".repeat(10_000) }, "Ce champ ne peut pas dépasser 120 caractères."],
  ])("refuses a bad %s with a French message and writes nothing", async (field, change, message) => {
    const before = await counts();
    const error = await rejection(signUpEditor({ ...valid, email: "autre@exemple.fr", siret: "13000548100010", ...change }, request));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors[field]).toEqual(message);
    expect(await counts()).toEqual(before);
  });

  it("makes one account of two simultaneous sign-ups with the same e-mail, and tells both the same", async () => {
    const attempt = (siret: string) => signUpEditor({ ...valid, email: "course@exemple.fr", siret }, request);
    const results = await Promise.all([attempt("13000548100010"), attempt("90123456700021")]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "existing"]);
    expect(await db().user.count({ where: { email: "course@exemple.fr" } })).toBe(1);
  });

  it("lets no more sign-ups from one address than its limit, even all at once, and the refused write nothing", async () => {
    const limit = { windowMinutes: 60, maxPerAddress: 3 };
    const from = { ip: "198.51.100.77", userAgent: "vitest" };
    const before = await db().user.count();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => signUpEditor({ ...valid, email: `rafale${i}@exemple.fr`, siret: siretFor(i) }, from, { limit })),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.reason).toMatchObject({ code: "RATE_LIMITED", message: "Trop de créations de compte depuis votre adresse réseau. Réessayez dans 60 minutes." });
    expect(await db().user.count()).toBe(before + 3);
    expect(await db().accountRequest.count({ where: { ip: from.ip, kind: "SIGN_UP" } })).toBe(3);
    // Another address is not concerned.
    expect(await signUpEditor({ ...valid, email: "ailleurs@exemple.fr", siret: siretFor(9) }, { ...from, ip: "198.51.100.78" }, { limit })).toMatchObject({ outcome: "created" });
  });
});

/** Distinct valid SIRETs (Luhn) for the burst above. */
function siretFor(i: number): string {
  const base = `4420000000${String(i).padStart(3, "0")}`;
  for (let key = 0; key < 10; key++) {
    const candidate = base + key;
    let sum = 0;
    for (let j = 0; j < 14; j++) {
      let digit = Number(candidate[13 - j]);
      if (j % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("no key");
}
