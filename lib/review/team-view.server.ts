import "server-only";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { eventsAbout } from "../events/read.server";
import { recordId } from "../organizations/organization-schema";
import { APPLICATION_NOT_FOUND, requireReviewer } from "../applications/application-records.server";
import { templatesForDossier, type InsertableTemplate } from "./message-templates.server";

// What the reviewer's dossier page shows of the team's work (ADR 0035): who is in charge and since when, the
// history of assignments, the colleagues one may hand the dossier to, the internal notes, and the message
// templates filled in for this dossier. Reviewers only: nothing here is ever read for an editor.

export type ReviewTeamView = {
  assignee: { id: string; name: string; since: Date | null } | null;
  assignments: { at: Date; byName: string | null; toName: string | null }[];
  reviewers: { id: string; name: string }[];
  notes: { id: string; authorName: string; body: string; createdAt: Date }[];
  templates: InsertableTemplate[];
};

export async function reviewTeamView(actor: Actor & { name: string }, applicationId: unknown, now: Date = new Date()): Promise<ReviewTeamView> {
  requireReviewer(actor);
  const id = recordId.safeParse(applicationId);
  if (!id.success) throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const application = await db().application.findUnique({
    where: { id: id.data },
    select: {
      id: true,
      status: true,
      serviceName: true,
      organizationName: true,
      organizationSiret: true,
      requestedProfileCode: true,
      requestedProfile: { select: { label: true } },
      assignedAt: true,
      assignee: { select: { id: true, name: true } },
    },
  });
  if (!application || application.status === "DRAFT") throw new AppError("NOT_FOUND", APPLICATION_NOT_FOUND);
  const [notes, reviewers, events, templates] = await Promise.all([
    db().applicationNote.findMany({
      where: { applicationId: application.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db().user.findMany({
      where: { status: "ACTIVE", roles: { hasSome: ["ANS_REVIEWER", "ANS_ADMIN"] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    eventsAbout([{ subjectType: "Application", subjectId: application.id, names: ["review.assigned"] }]),
    templatesForDossier(
      actor,
      {
        serviceName: application.serviceName,
        organizationName: application.organizationName,
        organizationSiret: application.organizationSiret,
        requestedProfile: `${application.requestedProfileCode} — ${application.requestedProfile.label}`,
      },
      now,
    ),
  ]);
  const targetIds = [...new Set(events.flatMap((e) => (typeof e.payload.to === "string" ? [e.payload.to] : [])))];
  const targets = targetIds.length ? await db().user.findMany({ where: { id: { in: targetIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(targets.map((u) => [u.id, u.name]));
  return {
    assignee: application.assignee ? { ...application.assignee, since: application.assignedAt } : null,
    assignments: events.map((e) => ({
      at: e.occurredAt,
      byName: e.actor?.name ?? null,
      toName: typeof e.payload.to === "string" ? (nameOf.get(e.payload.to) ?? "compte supprimé") : null,
    })),
    reviewers,
    notes: notes.map((n) => ({ id: n.id, authorName: n.author.name, body: n.body, createdAt: n.createdAt })),
    templates,
  };
}
