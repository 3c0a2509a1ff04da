import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { hashPassword } from "../auth/password.server";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { signUpSchema } from "./sign-up-schema";
import { fieldErrorsOf } from "../validation";

const EMAIL_TAKEN = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou utilisez une autre adresse.";
const SIRET_TAKEN =
  "Cette organisation a déjà un compte. Demandez à l'un de ses membres de vous inviter.";

/** Creates an editor account with its organisation, in one transaction, or nothing at all. */
export async function signUpEditor(raw: unknown, request: RequestContext): Promise<{ userId: string; organizationId: string }> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);

  try {
    return await db().$transaction(async (tx) => {
      const [emailTaken, siretTaken] = await Promise.all([
        tx.user.findUnique({ where: { email: input.email }, select: { id: true } }),
        tx.organization.findUnique({ where: { siret: input.siret }, select: { id: true } }),
      ]);
      const fieldErrors: Record<string, string> = {};
      if (emailTaken) fieldErrors.email = EMAIL_TAKEN;
      if (siretTaken) fieldErrors.siret = SIRET_TAKEN;
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError("CONFLICT", "Le formulaire contient des erreurs.", fieldErrors);
      }

      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, roles: ["EDITOR"] },
      });
      const organization = await tx.organization.create({
        data: { legalName: input.legalName, siret: input.siret, address: input.address },
      });
      await tx.membership.create({
        data: { userId: user.id, organizationId: organization.id, isLegalRepresentative: input.isLegalRepresentative },
      });
      await recordEvent(tx, {
        name: "user.signed_up",
        actor: userActor(user.id),
        organizationId: organization.id,
        subjectId: user.id,
        request, payload: {} });
      await recordEvent(tx, {
        name: "organization.created",
        actor: userActor(user.id),
        organizationId: organization.id,
        subjectId: organization.id,
        request,
        payload: { legalName: input.legalName, siret: input.siret, isLegalRepresentative: input.isLegalRepresentative },
      });
      return { userId: user.id, organizationId: organization.id };
    });
  } catch (error) {
    // Two sign-ups racing past the checks above meet the unique constraints instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw new AppError("CONFLICT", "Le formulaire contient des erreurs.", target.includes("siret") ? { siret: SIRET_TAKEN } : { email: EMAIL_TAKEN });
    }
    throw error;
  }
}
