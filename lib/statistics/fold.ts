import { parisDay } from "./calendar";

// Pure: the statistics' reading of the event log (ADR 0036). Events are folded in, in the order they were committed,
// into a small state per dossier (where it waits and since when, how long it waited for ANS and for the editor),
// per enrolment (its profile, when it came into force and ended) and per Paris calendar day (counts and backlog
// changes). Each event is read once; folding a log in several batches gives the same state as in one.

export const STATISTICS_EVENTS = [
  "application.submitted",
  "application.changes_requested",
  "application.approved",
  "application.refused",
  "application.withdrawn",
  "enrolment.revoked",
  "enrolment.superseded",
] as const;

/** Where a dossier waits: not yet submitted, for ANS, for the editor, or closed (decided or withdrawn). */
export type Phase = "NONE" | "ANS" | "EDITOR" | "CLOSED";
export type Outcome = "APPROVED" | "REFUSED" | "WITHDRAWN";

export type DossierStat = {
  applicationId: string;
  phase: Phase;
  phaseSince: Date | null;
  firstSubmittedAt: Date | null;
  ansSeconds: number;
  editorSeconds: number;
  decidedAt: Date | null;
  outcome: Outcome | null;
};

export type EnrolmentStat = { enrolmentId: string; profileCode: string; grantedAt: Date; endedAt: Date | null };

export type DayCounts = {
  submitted: number;
  resubmitted: number;
  approved: number;
  refused: number;
  withdrawn: number;
  /** Change of the number of dossiers waiting for ANS that day. */
  ansDelta: number;
  /** Change of the number of dossiers waiting for the editor that day. */
  editorDelta: number;
};

export type FoldEvent = { name: string; occurredAt: Date; subjectId: string | null; payload: Record<string, unknown> };

export type FoldState = { dossiers: Map<string, DossierStat>; enrolments: Map<string, EnrolmentStat> };

export type FoldResult = {
  changedDossiers: Set<string>;
  changedEnrolments: Set<string>;
  /** Enrolments that came into force in these events (their certificates are read from the enrolment). */
  newEnrolments: string[];
  /** What each day adds (to add to what is stored). */
  days: Map<string, DayCounts>;
};

export const emptyDay = (): DayCounts => ({ submitted: 0, resubmitted: 0, approved: 0, refused: 0, withdrawn: 0, ansDelta: 0, editorDelta: 0 });

export function newDossier(applicationId: string): DossierStat {
  return { applicationId, phase: "NONE", phaseSince: null, firstSubmittedAt: null, ansSeconds: 0, editorSeconds: 0, decidedAt: null, outcome: null };
}

const seconds = (from: Date | null, to: Date) => (from ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : 0);
const text = (payload: Record<string, unknown>, key: string) => (typeof payload[key] === "string" && payload[key] !== "" ? (payload[key] as string) : null);

/** The ids of dossiers and enrolments these events touch: the state to load before folding them. */
export function subjectsOf(events: readonly FoldEvent[]): { applicationIds: string[]; enrolmentIds: string[] } {
  const applicationIds = new Set<string>();
  const enrolmentIds = new Set<string>();
  for (const e of events) {
    if (!e.subjectId) continue;
    if (e.name.startsWith("application.")) {
      applicationIds.add(e.subjectId);
      const superseded = text(e.payload, "supersededEnrolmentId");
      if (superseded) enrolmentIds.add(superseded);
      const granted = text(e.payload, "enrolmentId");
      if (granted) enrolmentIds.add(granted);
    } else enrolmentIds.add(e.subjectId);
  }
  return { applicationIds: [...applicationIds], enrolmentIds: [...enrolmentIds] };
}

/** Folds events (in commit order) into the state, which it changes; answers what changed and what each day adds. */
export function foldEvents(state: FoldState, events: readonly FoldEvent[]): FoldResult {
  const result: FoldResult = { changedDossiers: new Set(), changedEnrolments: new Set(), newEnrolments: [], days: new Map() };
  const day = (at: Date) => {
    const key = parisDay(at);
    let counts = result.days.get(key);
    if (!counts) result.days.set(key, (counts = emptyDay()));
    return counts;
  };
  const dossier = (id: string) => {
    let d = state.dossiers.get(id);
    if (!d) state.dossiers.set(id, (d = newDossier(id)));
    result.changedDossiers.add(id);
    return d;
  };
  const endEnrolment = (id: string | null, at: Date) => {
    const enrolment = id ? state.enrolments.get(id) : undefined;
    if (!enrolment || enrolment.endedAt) return;
    enrolment.endedAt = at;
    result.changedEnrolments.add(enrolment.enrolmentId);
  };
  /** The dossier stops waiting where it waited: the time is counted and the backlog of that side goes down. */
  const leave = (d: DossierStat, at: Date) => {
    if (d.phase === "ANS") {
      d.ansSeconds += seconds(d.phaseSince, at);
      day(at).ansDelta -= 1;
    } else if (d.phase === "EDITOR") {
      d.editorSeconds += seconds(d.phaseSince, at);
      day(at).editorDelta -= 1;
    }
  };
  const enter = (d: DossierStat, phase: Phase, at: Date) => {
    d.phase = phase;
    d.phaseSince = at;
    if (phase === "ANS") day(at).ansDelta += 1;
    if (phase === "EDITOR") day(at).editorDelta += 1;
  };

  for (const e of events) {
    const at = e.occurredAt;
    const id = e.subjectId;
    if (!id) continue;
    switch (e.name) {
      case "application.submitted": {
        const d = dossier(id);
        if (d.phase === "CLOSED" || d.phase === "ANS") break;
        if (d.firstSubmittedAt === null) {
          d.firstSubmittedAt = at;
          day(at).submitted += 1;
        } else day(at).resubmitted += 1;
        leave(d, at);
        enter(d, "ANS", at);
        break;
      }
      case "application.changes_requested": {
        const d = dossier(id);
        if (d.phase !== "ANS") break;
        leave(d, at);
        enter(d, "EDITOR", at);
        break;
      }
      case "application.approved":
      case "application.refused": {
        const d = dossier(id);
        if (d.phase === "CLOSED") break;
        leave(d, at);
        d.phase = "CLOSED";
        d.phaseSince = at;
        d.decidedAt = at;
        const approved = e.name === "application.approved";
        d.outcome = approved ? "APPROVED" : "REFUSED";
        if (approved) day(at).approved += 1;
        else day(at).refused += 1;
        if (approved) {
          endEnrolment(text(e.payload, "supersededEnrolmentId"), at);
          const enrolmentId = text(e.payload, "enrolmentId");
          const profileCode = text(e.payload, "profile");
          if (enrolmentId && profileCode && !state.enrolments.has(enrolmentId)) {
            state.enrolments.set(enrolmentId, { enrolmentId, profileCode, grantedAt: at, endedAt: null });
            result.changedEnrolments.add(enrolmentId);
            result.newEnrolments.push(enrolmentId);
          }
        }
        break;
      }
      case "application.withdrawn": {
        const d = dossier(id);
        if (d.phase === "CLOSED") break;
        leave(d, at);
        if (d.phase !== "NONE") day(at).withdrawn += 1;
        d.phase = "CLOSED";
        d.phaseSince = at;
        d.outcome = "WITHDRAWN";
        break;
      }
      case "enrolment.revoked":
      case "enrolment.superseded":
        endEnrolment(id, at);
        break;
    }
  }
  return result;
}
