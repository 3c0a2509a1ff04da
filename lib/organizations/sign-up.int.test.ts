import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { AppError } from "../errors";
import { signUpEditor } from "./sign-up.server";

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
  const [users, organizations, memberships, events] = await Promise.all([
    db().user.count(),
    db().organization.count(),
    db().membership.count(),
    db().event.count(),
  ]);
  return { users, organizations, memberships, events };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("signing up an editor", () => {
  it("creates the user, the organisation, the membership and audit events together", async () => {
    const { userId, organizationId } = await signUpEditor(valid, request);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user.email).toBe("alice.durand@exemple.fr");
    expect(user.roles).toEqual(["EDITOR"]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([expect.objectContaining({ organizationId, isLegalRepresentative: true })]);
    const organization = await db().organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(organization.siret).toBe("73282932000074");
    const events = await db().event.findMany({ where: { organizationId }, orderBy: { name: "asc" }, include: { personalData: true } });
    expect(events.map((e) => e.name)).toEqual(["organization.created", "user.signed_up"]);
    expect(events[0]!.personalData?.ip).toBe("203.0.113.7");
  });

  it("refuses a taken e-mail and a taken SIRET, next to their fields, and writes nothing", async () => {
    const before = await counts();
    const error = await rejection(signUpEditor({ ...valid, email: "ALICE.durand@exemple.fr" }, request));
    expect(error.fieldErrors.email).toMatch(/existe déjà/);
    expect(error.fieldErrors.siret).toMatch(/déjà un compte/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["siret", { siret: "73282932000075" }, "Ce SIRET n'est pas valide (clé de contrôle incorrecte)."],
    ["password", { password: "court", passwordConfirmation: "court" }, "Le mot de passe doit comporter au moins 12 caractères."],
    ["legalName", { legalName: "   " }, "Saisissez la raison sociale."],
    ["email", { email: "pas-une-adresse" }, "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."],
    ["passwordConfirmation", { passwordConfirmation: "autre chose encore" }, "Les deux mots de passe ne correspondent pas."],
    ["name", { name: "x".repeat(10_000) }, "Ce champ ne peut pas dépasser 120 caractères."],
  ])("refuses a bad %s with a French message and writes nothing", async (field, change, message) => {
    const before = await counts();
    const error = await rejection(signUpEditor({ ...valid, email: "autre@exemple.fr", siret: "13000548100010", ...change }, request));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors[field]).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of two simultaneous sign-ups with the same e-mail succeed", async () => {
    const attempt = (siret: string) => signUpEditor({ ...valid, email: "course@exemple.fr", siret }, request);
    const results = await Promise.allSettled([attempt("13000548100010"), attempt("90123456700021")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(AppError);
    expect(await db().user.count({ where: { email: "course@exemple.fr" } })).toBe(1);
  });
});
