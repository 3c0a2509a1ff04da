import "server-only";
import { refreshGatewayEntries } from "../whitelist/gateway-entries.server";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import {
  INVALID_FORM,
  lockApplicationForReview,
  mailOrganization,
  parseApplicationRef,
  requireReviewer,
  requireTransition,
  requireVersion,
  updateApplication,
} from "../applications/application-records.server";
import { freezeEnrolment, grantedQuotas } from "../enrolments/grant";
import { enrolmentTransition } from "../enrolments/status";
import { editorMails } from "../applications/mail-texts";
import { parseSnapshot } from "../applications/snapshot";
import { recordId } from "../organizations/organization-schema";
import { lockEnrolmentInForce } from "../enrolments/records.server";
import { PROFILE_NOT_IN_CATALOGUE } from "./review-input";

export type ApproveInput = {
  applicationId: unknown;
  version: unknown;
  accessProfileId: unknown;
  /** Blank or absent: the profile's default. */
  level2AuthenticatedPerSecond?: unknown;
  level2PublicPerSecond?: unknown;
  /** Required when the quotas depart from the profile's defaults. */
  quotaReason?: unknown;
};

/**
 * A reviewer approves a submitted application with a profile of the catalogue (it must exist and be offered) and
 * quotas (defaulting to the profile's, editable within the allowed range). Creates the enrolment, frozen from
 * the submission the reviewer saw. For an amendment, the enrolment in force becomes SUPERSEDED in the same
 * transaction: there is never a moment with two enrolments, or none, for the service.
 */
export async function approveApplication(
  actor: Actor,
  raw: ApproveInput,
  request: RequestContext,
  now: Date = new Date(),
): Promise<{ version: number; enrolmentId: string; supersededEnrolmentId: string | null }> {
  requireReviewer(actor);
  const { applicationId, version } = parseApplicationRef(raw);
  const profileId = recordId.safeParse(raw.accessProfileId);

  return db().$transaction(async (tx) => {
    const application = await lockApplicationForReview(tx, applicationId);
    requireVersion(application, version);
    const profile = profileId.success ? await tx.accessProfile.findUnique({ where: { id: profileId.data } }) : null;
    const profileActive = profile !== null && profile.active;
    const quotas = profile
      ? grantedQuotas(raw, { level2AuthenticatedPerSecond: profile.level2AuthenticatedPerSecond, level2PublicPerSecond: profile.level2PublicPerSecond })
      : ({ ok: true, quotas: { level2AuthenticatedPerSecond: 0, level2PublicPerSecond: 0 }, reason: null } as const);
    // Role and status first; then the profile and quotas, each refused next to its field.
    const to = requireTransition(application.status, "reviewer", { transition: "approve", profileActive: true, quotasValid: true });
    if (!profile || !profileActive) throw new AppError("VALIDATION", INVALID_FORM, { accessProfileId: PROFILE_NOT_IN_CATALOGUE });
    if (!quotas.ok) throw new AppError("VALIDATION", INVALID_FORM, quotas.fieldErrors);

    const snapshot = parseSnapshot(application.snapshot);
    if (!snapshot) throw new AppError("CONFLICT", "Le dossier n'a pas d'instantané lisible de son dernier dépôt : demandez à l'éditeur de le déposer à nouveau.");
    const reviewer = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true } });
    const grant = freezeEnrolment({
      applicationId,
      submissionNumber: application.submissionCount,
      snapshot,
      profile: { id: profile.id, code: profile.code, label: profile.label, requiresCertificate: profile.requiresCertificate },
      quotas: quotas.quotas,
      quotaReason: quotas.reason,
      approvedAt: now,
      approvedBy: reviewer,
    });

    // An amendment replaces the enrolment in force (even a suspended one: the reviewer decides).
    let supersededEnrolmentId: string | null = null;
    const inForce = await lockEnrolmentInForce(tx, application.serviceId);
    if (application.kind === "AMENDMENT" && inForce?.id !== application.previousEnrolmentId) {
      throw new AppError(
        "CONFLICT",
        "L'habilitation que cette demande modifie n'est plus en vigueur : refusez la demande ; l'éditeur pourra déposer un nouveau dossier.",
      );
    }
    if (inForce) {
      if (application.kind === "NEW") throw new AppError("CONFLICT", "Ce service a déjà une habilitation en vigueur : seule une demande de modification peut la remplacer.");
      const superseded = enrolmentTransition(inForce.status, "reviewer", "supersede");
      if (!superseded.ok) throw new AppError("CONFLICT", superseded.message);
      await tx.enrolment.update({
        where: { id: inForce.id },
        data: { status: superseded.to, currentServiceId: null, supersededAt: now, supersededByApplicationId: applicationId, version: { increment: 1 } },
      });
      await recordEvent(tx, {
        name: "enrolment.superseded",
        actor: userActor(actor.userId),
        organizationId: application.organizationId,
        subjectId: inForce.id,
        request,
        payload: { byApplicationId: applicationId, from: inForce.status },
      });
      supersededEnrolmentId = inForce.id;
    }

    const enrolment = await tx.enrolment.create({
      data: {
        serviceId: application.serviceId,
        organizationId: application.organizationId,
        applicationId,
        status: "ACTIVE",
        currentServiceId: application.serviceId,
        grant: grant as unknown as Prisma.InputJsonObject,
        accessProfileId: profile.id,
        accessProfileCode: profile.code,
        level2AuthenticatedPerSecond: grant.quotas.level2AuthenticatedPerSecond,
        level2PublicPerSecond: grant.quotas.level2PublicPerSecond,
        quotaReason: grant.quotas.reason,
        certificateFingerprints: grant.certificates.map((c) => c.fingerprintSha256),
        approvedAt: now,
        approvedById: actor.userId,
      },
      select: { id: true },
    });
    await refreshGatewayEntries(tx, supersededEnrolmentId ? [supersededEnrolmentId, enrolment.id] : [enrolment.id]);
    const next = await updateApplication(tx, application, { status: to, openServiceId: null, statusChangedAt: now, decidedAt: now, decidedById: actor.userId });
    await recordEvent(tx, {
      name: "application.approved",
      actor: userActor(actor.userId),
      organizationId: application.organizationId,
      subjectId: applicationId,
      request,
      payload: { enrolmentId: enrolment.id, profile: profile.code, profileLabel: profile.label, quotas: grant.quotas, supersededEnrolmentId },
    });
    await mailOrganization(tx, application, (c) => editorMails.approved(c, profile.label));
    return { version: next, enrolmentId: enrolment.id, supersededEnrolmentId };
  });
}
