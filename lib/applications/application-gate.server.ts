import "server-only";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { recordId } from "../organizations/organization-schema";

// Before a dossier page starts streaming (its loading.tsx): whether the actor may open it at all, read from two
// columns, so that an unknown or foreign dossier still answers a real 404 rather than a 200 with the not-found page.
// The same rules as applicationForReview and applicationForEditor (application-view.server.ts), which the pages
// still apply when they load the dossier.

async function statusAndOrganization(applicationId: string) {
  const parsed = recordId.safeParse(applicationId);
  if (!parsed.success) return null;
  return db().application.findUnique({ where: { id: parsed.data }, select: { status: true, organizationId: true } });
}

export async function reviewerMayOpenApplication(actor: Actor, applicationId: string): Promise<boolean> {
  if (!can(actor, { type: "application.review" })) return false;
  const application = await statusAndOrganization(applicationId);
  return application !== null && application.status !== "DRAFT";
}

export async function editorMayOpenApplication(actor: Actor, applicationId: string): Promise<boolean> {
  const application = await statusAndOrganization(applicationId);
  return application !== null && can(actor, { type: "application.manage", organizationId: application.organizationId });
}
