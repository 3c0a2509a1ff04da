import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { accessProfileChanges } from "./access-profile-changes";
import { createAccessProfileSchema, updateAccessProfileSchema } from "./access-profile-schema";

export type AccessProfileEntry = {
  id: string;
  code: string;
  label: string;
  description: string;
  requiresCertificate: boolean;
  quotas: { authenticatedPerSecond: number; publicPerSecond: number };
};

export type AccessProfileRecord = AccessProfileEntry & { sortOrder: number; active: boolean; updatedAt: Date };

const catalogueOrder = [{ sortOrder: "asc" as const }, { code: "asc" as const }];

function toRecord(row: {
  id: string;
  code: string;
  label: string;
  description: string;
  requiresCertificate: boolean;
  level2AuthenticatedPerSecond: number;
  level2PublicPerSecond: number;
  sortOrder: number;
  active: boolean;
  updatedAt: Date;
}): AccessProfileRecord {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    description: row.description,
    requiresCertificate: row.requiresCertificate,
    quotas: { authenticatedPerSecond: row.level2AuthenticatedPerSecond, publicPerSecond: row.level2PublicPerSecond },
    sortOrder: row.sortOrder,
    active: row.active,
    updatedAt: row.updatedAt,
  };
}

/** The profiles an editor may request for a service, in catalogue order. Reference data: no permission needed. */
export async function listActiveAccessProfiles(): Promise<AccessProfileEntry[]> {
  const rows = await db().accessProfile.findMany({ where: { active: true }, orderBy: catalogueOrder });
  return rows.map((row) => {
    const { id, code, label, description, requiresCertificate, quotas } = toRecord(row);
    return { id, code, label, description, requiresCertificate, quotas };
  });
}

function requireCatalogueManager(actor: Actor) {
  if (!can(actor, { type: "catalogue.manage" })) {
    throw new AppError("FORBIDDEN", "Seul un administrateur ANS peut gérer le catalogue des profils d'accès.");
  }
}

/** The whole catalogue, inactive profiles included, for ANS administrators. */
export async function listAccessProfiles(actor: Actor): Promise<AccessProfileRecord[]> {
  requireCatalogueManager(actor);
  const rows = await db().accessProfile.findMany({ orderBy: catalogueOrder });
  return rows.map(toRecord);
}

export async function accessProfileForEdit(actor: Actor, id: string): Promise<AccessProfileRecord | null> {
  requireCatalogueManager(actor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db().accessProfile.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

const validationError = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(error));

/** An administrator changes a profile (label, description, default quotas, active...). Audited with what changed. */
export async function updateAccessProfile(
  actor: Actor,
  id: string,
  raw: unknown,
  request: RequestContext,
): Promise<{ changed: string[] }> {
  requireCatalogueManager(actor);
  const parsed = updateAccessProfileSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { lastUpdatedAt, ...fields } = parsed.data;

  return db().$transaction(async (tx) => {
    const before = /^[0-9a-f-]{36}$/i.test(id) ? await tx.accessProfile.findUnique({ where: { id } }) : null;
    if (!before) throw new AppError("NOT_FOUND", "Ce profil d'accès n'existe pas.");
    const changes = accessProfileChanges(before, fields);
    if (Object.keys(changes).length === 0) return { changed: [] };
    // Optimistic concurrency: the row must still be the one the form was opened with.
    const updated = await tx.accessProfile.updateMany({ where: { id, updatedAt: new Date(lastUpdatedAt) }, data: fields });
    if (updated.count !== 1) {
      throw new AppError(
        "CONFLICT",
        "Ce profil a été modifié entre-temps par une autre personne. Rechargez la page pour voir sa version actuelle ; rien n'a été enregistré.",
      );
    }
    await recordEvent(tx, {
      name: "access_profile.updated",
      actor: userActor(actor.userId),
      subjectId: id,
      request,
      payload: { code: before.code, changes },
    });
    return { changed: Object.keys(changes) };
  });
}

/** An administrator adds a profile to the catalogue (e.g. profile 5 of a newer exposure model). */
export async function createAccessProfile(actor: Actor, raw: unknown, request: RequestContext): Promise<{ id: string }> {
  requireCatalogueManager(actor);
  const parsed = createAccessProfileSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const codeTaken = () =>
    new AppError("CONFLICT", "Le formulaire contient des erreurs.", {
      code: `Le profil « ${input.code} » existe déjà. Choisissez un autre code ou modifiez le profil existant.`,
    });

  try {
    return await db().$transaction(async (tx) => {
      if (await tx.accessProfile.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken();
      const created = await tx.accessProfile.create({ data: input });
      await recordEvent(tx, {
        name: "access_profile.updated",
        actor: userActor(actor.userId),
        subjectId: created.id,
        request,
        payload: { code: input.code, created: true, values: { ...input } },
      });
      return { id: created.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw codeTaken();
    throw error;
  }
}
