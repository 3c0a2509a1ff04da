import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { versionFieldWith } from "../concurrency";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { formatSiret } from "../organizations/formatting";
import { recordId } from "../organizations/organization-schema";
import type { RequestContext } from "../request.server";
import { formatDate } from "../time";
import { invalidForm } from "../validation";
import { requireReviewer } from "../applications/application-records.server";
import { messageTemplateSchema, renderTemplate, TEMPLATE_MESSAGES, type TemplateValues } from "./message-templates";

// Message templates (ADR 0035): administrators write them, reviewers insert them (filled in for the dossier) into a
// message or a request for changes, then edit the text before sending.

export const TEMPLATE_NOT_FOUND = "Ce modèle de message est introuvable : il a peut-être été supprimé.";
export const TEMPLATE_MODIFIED_MEANWHILE =
  "Le modèle a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir son texte à jour ; vos changements n'ont pas été enregistrés.";
const ADMINS_ONLY = "Seul un administrateur de l'ANS peut gérer les modèles de messages.";

const versionField = versionFieldWith(TEMPLATE_MODIFIED_MEANWHILE);

export type MessageTemplateRecord = { id: string; title: string; body: string; version: number; updatedAt: Date };

function requireTemplateManager(actor: Actor): void {
  if (!can(actor, { type: "messageTemplate.manage" })) throw new AppError("FORBIDDEN", ADMINS_ONLY);
}

function parseTemplate(raw: unknown) {
  const input = (typeof raw === "object" && raw !== null ? raw : {}) as { title?: unknown; body?: unknown };
  const parsed = messageTemplateSchema.safeParse({ title: input.title, body: input.body });
  if (!parsed.success) throw invalidForm(parsed.error);
  return parsed.data;
}

function titleTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const select = { id: true, title: true, body: true, version: true, updatedAt: true } as const;

/** Every template, by title: administrators (to manage them) and reviewers (to insert them). */
export async function listMessageTemplates(actor: Actor): Promise<MessageTemplateRecord[]> {
  if (!can(actor, { type: "messageTemplate.manage" })) requireReviewer(actor);
  return db().messageTemplate.findMany({ orderBy: { title: "asc" }, select });
}

export async function messageTemplateForEdit(actor: Actor, id: unknown): Promise<MessageTemplateRecord | null> {
  requireTemplateManager(actor);
  const parsed = recordId.safeParse(id);
  if (!parsed.success) return null;
  return db().messageTemplate.findUnique({ where: { id: parsed.data }, select });
}

export async function createMessageTemplate(actor: Actor, raw: unknown, request: RequestContext): Promise<{ id: string }> {
  requireTemplateManager(actor);
  const input = parseTemplate(raw);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.messageTemplate.create({ data: { title: input.title, body: input.body, createdById: actor.userId }, select: { id: true } });
      await recordEvent(tx, {
        name: "message_template.created",
        actor: userActor(actor.userId),
        subjectId: created.id,
        request,
        payload: { title: input.title, bodyLength: input.body.length },
      });
      return created;
    });
  } catch (error) {
    if (titleTaken(error)) throw new AppError("VALIDATION", TEMPLATE_MESSAGES.titleTaken, { title: TEMPLATE_MESSAGES.titleTaken });
    throw error;
  }
}

/** Changes a template at the version the administrator saw. */
export async function updateMessageTemplate(actor: Actor, raw: unknown, request: RequestContext): Promise<{ version: number }> {
  requireTemplateManager(actor);
  const ref = (typeof raw === "object" && raw !== null ? raw : {}) as { id?: unknown; version?: unknown };
  const id = recordId.safeParse(ref.id);
  if (!id.success) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
  const version = versionField.safeParse(ref.version);
  if (!version.success) throw new AppError("CONFLICT", TEMPLATE_MODIFIED_MEANWHILE);
  const input = parseTemplate(raw);
  try {
    return await db().$transaction(async (tx) => {
      const current = await tx.messageTemplate.findUnique({ where: { id: id.data }, select });
      if (!current) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
      const changes = (["title", "body"] as const).filter((field) => current[field] !== input[field]);
      if (changes.length === 0) return { version: current.version };
      const { count } = await tx.messageTemplate.updateMany({
        where: { id: id.data, version: version.data },
        data: { title: input.title, body: input.body, version: { increment: 1 } },
      });
      if (count !== 1) throw new AppError("CONFLICT", TEMPLATE_MODIFIED_MEANWHILE);
      await recordEvent(tx, {
        name: "message_template.updated",
        actor: userActor(actor.userId),
        subjectId: id.data,
        request,
        payload: { title: input.title, changes, bodyLength: input.body.length },
      });
      return { version: version.data + 1 };
    });
  } catch (error) {
    if (titleTaken(error)) throw new AppError("VALIDATION", TEMPLATE_MESSAGES.titleTaken, { title: TEMPLATE_MESSAGES.titleTaken });
    throw error;
  }
}

export async function deleteMessageTemplate(actor: Actor, raw: unknown, request: RequestContext): Promise<void> {
  requireTemplateManager(actor);
  const ref = (typeof raw === "object" && raw !== null ? raw : {}) as { id?: unknown; version?: unknown };
  const id = recordId.safeParse(ref.id);
  if (!id.success) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
  const version = versionField.safeParse(ref.version);
  if (!version.success) throw new AppError("CONFLICT", TEMPLATE_MODIFIED_MEANWHILE);
  await db().$transaction(async (tx) => {
    const current = await tx.messageTemplate.findUnique({ where: { id: id.data }, select });
    if (!current) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
    const { count } = await tx.messageTemplate.deleteMany({ where: { id: id.data, version: version.data } });
    if (count !== 1) throw new AppError("CONFLICT", TEMPLATE_MODIFIED_MEANWHILE);
    await recordEvent(tx, { name: "message_template.deleted", actor: userActor(actor.userId), subjectId: id.data, request, payload: { title: current.title } });
  });
}

export type InsertableTemplate = { id: string; title: string; text: string };

/** The templates filled in for one dossier and the reviewer inserting them. */
export async function templatesForDossier(
  actor: Actor & { name: string },
  dossier: { serviceName: string; organizationName: string; organizationSiret: string; requestedProfile: string },
  now: Date = new Date(),
): Promise<InsertableTemplate[]> {
  const templates = await listMessageTemplates(actor);
  const values: TemplateValues = {
    service: dossier.serviceName,
    organisation: dossier.organizationName,
    siret: formatSiret(dossier.organizationSiret),
    profil: dossier.requestedProfile,
    instructeur: actor.name,
    date: formatDate(now),
  };
  return templates.map((t) => ({ id: t.id, title: t.title, text: renderTemplate(t.body, values) }));
}
