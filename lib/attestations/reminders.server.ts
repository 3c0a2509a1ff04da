import "server-only";
// Reminders to client signatories who have not signed (ADR 0018): an hourly job looks, per signature row, for links
// on day 3 or day 10 and mails one reminder each, in one transaction with its record (unique per row and day, so
// several workers never send it twice) and the event shown in the attestation's history. Reminders stop when the
// signatory signs or declines, when the request or the attestation is cancelled, or when the editor switches them
// off. The reminder carries no link: only the hash of the signing token is stored; it points to the first message.
import { recordEvent } from "../events/record.server";
import { systemActor, userActor } from "../events/actor";
import { eventShortLabel } from "../events/catalogue";
import { eventsAbout } from "../events/read.server";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { queueMail } from "../mail/outbox.server";
import type { RequestContext } from "../request.server";
import { parseAttestationContent } from "./attestation-content";
import { lockAttestation, lockManagedAttestation, requireAttestationAccess } from "./attestations.server";
import { attestationMails } from "./mail-texts";
import { dueReminderDay, earliestReminderSentBefore } from "./reminders";

export type RemindersResult = { sent: number };

export async function runAttestationReminders(now: Date = new Date()): Promise<RemindersResult> {
  const candidates = await db().attestationSignature.findMany({
    where: {
      party: "CLIENT",
      status: "PENDING",
      tokenHash: { not: null },
      expiresAt: { gt: now },
      // The link's age counts from its sending: in order, a signatory is invited after the row was created.
      OR: [{ invitedAt: { lte: earliestReminderSentBefore(now) } }, { invitedAt: null, createdAt: { lte: earliestReminderSentBefore(now) } }],
      round: { closedAt: null },
      attestation: { status: "AWAITING_SIGNATURES", remindersEnabled: true },
    },
    select: { id: true, createdAt: true, invitedAt: true, expiresAt: true, attestationId: true },
  });
  if (candidates.length === 0) return { sent: 0 };
  const sent = await db().attestationReminder.findMany({ where: { signatureId: { in: candidates.map((c) => c.id) } }, select: { signatureId: true, day: true } });
  let count = 0;
  for (const candidate of candidates) {
    const day = dueReminderDay(
      { sentAt: candidate.invitedAt ?? candidate.createdAt, expiresAt: candidate.expiresAt! },
      now,
      sent.filter((s) => s.signatureId === candidate.id).map((s) => s.day),
    );
    if (day === null) continue;
    const done = await db().$transaction(async (tx) => {
      // Serialised with signing, declining and cancelling: what is checked here holds until the commit.
      await lockAttestation(tx, candidate.attestationId);
      const signature = await tx.attestationSignature.findUnique({
        where: { id: candidate.id },
        select: { status: true, signerEmail: true, expiresAt: true, roundId: true, round: { select: { closedAt: true, content: true } }, attestation: { select: { status: true, remindersEnabled: true, organizationId: true } } },
      });
      if (!signature || signature.status !== "PENDING" || signature.round.closedAt !== null) return false;
      if (signature.attestation.status !== "AWAITING_SIGNATURES" || !signature.attestation.remindersEnabled) return false;
      const { count: created } = await tx.attestationReminder.createMany({
        data: [{ attestationId: candidate.attestationId, signatureId: candidate.id, day, sentAt: now }],
        skipDuplicates: true,
      });
      if (created !== 1) return false;
      const mail = attestationMails.reminder(parseAttestationContent(signature.round.content), { sentAt: candidate.invitedAt ?? candidate.createdAt, expiresAt: signature.expiresAt! });
      await queueMail(tx, { to: signature.signerEmail, ...mail });
      await recordEvent(tx, {
        name: "attestation.reminder_sent",
        actor: systemActor("attestation-reminders"),
        organizationId: signature.attestation.organizationId,
        subjectId: candidate.attestationId,
        payload: { signatureId: candidate.id, roundId: signature.roundId, day, expiresAt: signature.expiresAt!.toISOString() },
        personal: { clientEmail: signature.signerEmail },
      });
      return true;
    });
    if (done) count++;
  }
  return { sent: count };
}

/** The editor switches the reminders of one attestation on or off. */
export async function setAttestationReminders(actor: Actor, attestationId: unknown, enabled: unknown, request: RequestContext): Promise<{ changed: boolean }> {
  const access = await requireAttestationAccess(actor, attestationId, "attestation.manage");
  if (typeof enabled !== "boolean") throw new AppError("VALIDATION", "Choix invalide : activer ou désactiver les rappels.");
  return db().$transaction(async (tx) => {
    const { attestation } = await lockManagedAttestation(tx, actor, access.id);
    if (attestation.remindersEnabled === enabled) return { changed: false };
    await tx.attestation.update({ where: { id: attestation.id }, data: { remindersEnabled: enabled } });
    await recordEvent(tx, {
      name: "attestation.reminders_switched",
      actor: userActor(actor.userId),
      organizationId: attestation.organizationId,
      subjectId: attestation.id,
      request,
      payload: { enabled },
    });
    return { changed: true };
  });
}

export type AttestationHistoryItem = { id: string; label: string; occurredAt: Date; actorName: string | null; detail: string | null };

/** The attestation's history, from the event log; reminders say which day of the link they were for. */
export async function attestationHistory(attestationId: string): Promise<AttestationHistoryItem[]> {
  const events = await eventsAbout([{ subjectType: "Attestation", subjectId: attestationId }]);
  return events.map((e) => ({
    id: e.id,
    label:
      e.name === "attestation.reminders_switched"
        ? e.payload.enabled
          ? "Rappels de signature activés"
          : "Rappels de signature désactivés"
        : eventShortLabel(e.name),
    occurredAt: e.occurredAt,
    actorName: e.actor?.name ?? (e.actorType === "SYSTEM" ? "Le portail" : null),
    detail: e.name === "attestation.reminder_sent" && typeof e.payload.day === "number" ? `Jour ${e.payload.day} du lien de signature` : null,
  }));
}
