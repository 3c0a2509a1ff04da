import "server-only";
import { eventShortLabel, type EventName } from "./catalogue";
import { eventsAbout, payloadText, type EventRow } from "./read.server";

// The two histories the pages show, as filtered reads of the event log.

/** What happens to an enrolment after approval, as its dossier's timeline shows it. */
const ENROLMENT_EVENTS_ON_TIMELINE: readonly EventName[] = ["enrolment.suspended", "enrolment.reinstated", "enrolment.revoked", "enrolment.superseded"];
const ENROLMENT_HISTORY: readonly EventName[] = [...ENROLMENT_EVENTS_ON_TIMELINE, "enrolment.quotas_changed"];

export type TimelineItem = { id: string; name: string; label: string; occurredAt: Date; actorName: string | null; message: string | null };

/** A dossier's timeline: its own events, then those of the enrolment it granted. Texts of decisions included. */
export async function applicationTimeline(applicationId: string, grantedEnrolmentId: string | null): Promise<TimelineItem[]> {
  const events = await eventsAbout([
    { subjectType: "Application", subjectId: applicationId },
    ...(grantedEnrolmentId ? [{ subjectType: "Enrolment" as const, subjectId: grantedEnrolmentId, names: ENROLMENT_EVENTS_ON_TIMELINE }] : []),
  ]);
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    // The dossier's own events go without saying "dossier"; its enrolment's keep their full label.
    label: e.subjectType === "Application" ? eventShortLabel(e.name) : e.label,
    occurredAt: e.occurredAt,
    actorName: e.actor?.name ?? null,
    message: payloadText(e.payload, "reason") ?? payloadText(e.payload, "message"),
  }));
}

export type EnrolmentHistoryItem = { name: string; label: string; occurredAt: Date; actor: string | null; reason: string | null; payload: Record<string, unknown> };

/** Inside the enrolment's own history: the approval that created it, an amendment's when it replaced another. */
function enrolmentHistoryLabel(event: EventRow): string {
  if (event.name === "application.approved") return event.payload.supersededEnrolmentId ? "Modification approuvée" : "Habilitation accordée";
  return eventShortLabel(event.name);
}

/** An enrolment's history: its approval (an event of its dossier), then what reviewers and jobs did to it. */
export async function enrolmentHistory(enrolment: { id: string; applicationId: string }): Promise<EnrolmentHistoryItem[]> {
  const events = await eventsAbout([
    { subjectType: "Application", subjectId: enrolment.applicationId, names: ["application.approved"] },
    { subjectType: "Enrolment", subjectId: enrolment.id, names: ENROLMENT_HISTORY },
  ]);
  return events.map((e) => ({
    name: e.name,
    label: enrolmentHistoryLabel(e),
    occurredAt: e.occurredAt,
    actor: e.actor?.name ?? null,
    reason: payloadText(e.payload, "reason"),
    payload: e.payload,
  }));
}
