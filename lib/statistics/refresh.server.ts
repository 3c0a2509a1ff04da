import "server-only";
import { db, type Tx } from "../db.server";
import { emptyDay, foldEvents, STATISTICS_EVENTS, subjectsOf, type DossierStat, type EnrolmentStat, type FoldEvent, type FoldState, type Outcome, type Phase } from "./fold";

// Keeps the statistics up to date with the event log (ADR 0036): reads the events committed since the cursor (their
// commit order is their sequence, so none is missed or read twice), folds them in (fold.ts), writes the rows and moves
// the cursor, all in one transaction. A job does it every ten minutes; the reviewers' statistics page does it too
// before reading, so that it shows the latest acts. One at a time across every instance (an advisory lock): a second
// caller finds the work under way and goes on with the rows as they are.

const LOCK_KEY = 2_026_0036;
export const REFRESH_BATCH = 5000;

export type RefreshResult = { events: number; upToDate: boolean; busy: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function loadState(tx: Tx, events: FoldEvent[]): Promise<FoldState> {
  const { applicationIds, enrolmentIds } = subjectsOf(events);
  // One after the other: a transaction is one connection.
  const dossiers = applicationIds.length ? await tx.statisticsDossier.findMany({ where: { applicationId: { in: applicationIds } } }) : [];
  const enrolments = enrolmentIds.length ? await tx.statisticsEnrolment.findMany({ where: { enrolmentId: { in: enrolmentIds } } }) : [];
  return {
    dossiers: new Map(dossiers.map((d) => [d.applicationId, { ...d, phase: d.phase as Phase, outcome: d.outcome as Outcome | null } satisfies DossierStat])),
    enrolments: new Map(enrolments.map((e) => [e.enrolmentId, e satisfies EnrolmentStat])),
  };
}

async function foldBatch(tx: Tx, events: FoldEvent[]): Promise<void> {
  const state = await loadState(tx, events);
  const result = foldEvents(state, events);
  const dossiers = [...result.changedDossiers].map((id) => state.dossiers.get(id)!);
  if (dossiers.length) {
    await tx.$executeRaw`
      INSERT INTO "StatisticsDossier" ("applicationId", "phase", "phaseSince", "firstSubmittedAt", "ansSeconds", "editorSeconds", "decidedAt", "outcome")
      SELECT * FROM unnest(${dossiers.map((d) => d.applicationId)}::uuid[], ${dossiers.map((d) => d.phase)}::text[],
        ${dossiers.map((d) => iso(d.phaseSince))}::timestamptz[], ${dossiers.map((d) => iso(d.firstSubmittedAt))}::timestamptz[],
        ${dossiers.map((d) => d.ansSeconds)}::int[], ${dossiers.map((d) => d.editorSeconds)}::int[],
        ${dossiers.map((d) => iso(d.decidedAt))}::timestamptz[], ${dossiers.map((d) => d.outcome)}::text[])
      ON CONFLICT ("applicationId") DO UPDATE SET "phase" = EXCLUDED."phase", "phaseSince" = EXCLUDED."phaseSince",
        "firstSubmittedAt" = EXCLUDED."firstSubmittedAt", "ansSeconds" = EXCLUDED."ansSeconds", "editorSeconds" = EXCLUDED."editorSeconds",
        "decidedAt" = EXCLUDED."decidedAt", "outcome" = EXCLUDED."outcome"`;
  }
  const enrolments = [...result.changedEnrolments].map((id) => state.enrolments.get(id)!);
  if (enrolments.length) {
    await tx.$executeRaw`
      INSERT INTO "StatisticsEnrolment" ("enrolmentId", "profileCode", "grantedAt", "endedAt")
      SELECT * FROM unnest(${enrolments.map((e) => e.enrolmentId)}::uuid[], ${enrolments.map((e) => e.profileCode)}::text[],
        ${enrolments.map((e) => iso(e.grantedAt))}::timestamptz[], ${enrolments.map((e) => iso(e.endedAt))}::timestamptz[])
      ON CONFLICT ("enrolmentId") DO UPDATE SET "endedAt" = EXCLUDED."endedAt"`;
  }
  if (result.newEnrolments.length) {
    // The certificates an enrolment granted are frozen in it (its grant), not in the event: read once, when it comes into force.
    await tx.$executeRaw`
      INSERT INTO "StatisticsCertificate" ("enrolmentId", "fingerprint", "notAfter")
      SELECT e."id", c->>'fingerprintSha256', (c->>'notAfter')::timestamptz
      FROM "Enrolment" e CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e."grant"->'certificates') = 'array' THEN e."grant"->'certificates' ELSE '[]'::jsonb END) c
      WHERE e."id" = ANY(${result.newEnrolments}::uuid[]) AND c->>'fingerprintSha256' IS NOT NULL AND c->>'notAfter' IS NOT NULL
      ON CONFLICT DO NOTHING`;
  }
  const days = [...result.days];
  if (days.length) {
    const column = (key: keyof ReturnType<typeof emptyDay>) => days.map(([, c]) => c[key]);
    await tx.$executeRaw`
      INSERT INTO "StatisticsDay" ("day", "submitted", "resubmitted", "approved", "refused", "withdrawn", "ansDelta", "editorDelta")
      SELECT * FROM unnest(${days.map(([day]) => day)}::date[], ${column("submitted")}::int[], ${column("resubmitted")}::int[], ${column("approved")}::int[],
        ${column("refused")}::int[], ${column("withdrawn")}::int[], ${column("ansDelta")}::int[], ${column("editorDelta")}::int[])
      ON CONFLICT ("day") DO UPDATE SET "submitted" = "StatisticsDay"."submitted" + EXCLUDED."submitted",
        "resubmitted" = "StatisticsDay"."resubmitted" + EXCLUDED."resubmitted", "approved" = "StatisticsDay"."approved" + EXCLUDED."approved",
        "refused" = "StatisticsDay"."refused" + EXCLUDED."refused", "withdrawn" = "StatisticsDay"."withdrawn" + EXCLUDED."withdrawn",
        "ansDelta" = "StatisticsDay"."ansDelta" + EXCLUDED."ansDelta", "editorDelta" = "StatisticsDay"."editorDelta" + EXCLUDED."editorDelta"`;
  }
}

type Batch = { events: number; done: boolean; busy: boolean };

async function refreshBatch(batchSize: number, now: Date): Promise<Batch> {
  return db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS "locked"`;
      if (!lock?.locked) return { events: 0, done: true, busy: true };
      const cursor = await tx.statisticsCursor.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
      const head = (await tx.eventChainHead.findUnique({ where: { id: 1 } }))?.sequence ?? 0n;
      if (head <= cursor.sequence) return { events: 0, done: true, busy: false };
      // Events up to the chain's head are committed (the head moves when they commit): read them in commit order.
      const rows = await tx.$queryRaw<{ sequence: bigint; name: string; occurredAt: Date; subjectId: string | null; payload: unknown }[]>`
        SELECT "sequence", "name", "occurredAt", "subjectId", "payload" FROM "Event"
        WHERE "sequence" > ${cursor.sequence} AND "sequence" <= ${head} AND "name" = ANY(${[...STATISTICS_EVENTS]}::text[])
        ORDER BY "sequence" LIMIT ${batchSize}`;
      const full = rows.length === batchSize;
      const events: FoldEvent[] = rows.map((r) => ({
        name: r.name,
        occurredAt: r.occurredAt,
        subjectId: r.subjectId,
        payload: r.payload && typeof r.payload === "object" && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : {},
      }));
      if (events.length) await foldBatch(tx, events);
      await tx.statisticsCursor.update({ where: { id: 1 }, data: { sequence: full ? rows[rows.length - 1]!.sequence : head, refreshedAt: now } });
      return { events: events.length, done: !full, busy: false };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Whether the log holds events beyond the cursor (two reads of one row each, no transaction). */
async function behind(): Promise<boolean> {
  const [cursor, head] = await Promise.all([db().statisticsCursor.findUnique({ where: { id: 1 } }), db().eventChainHead.findUnique({ where: { id: 1 } })]);
  return (head?.sequence ?? 0n) > (cursor?.sequence ?? 0n);
}

/** Folds in what the log holds beyond the cursor, `maxBatches` batches at most. */
export async function refreshStatistics(options: { maxBatches?: number; batchSize?: number; now?: Date } = {}): Promise<RefreshResult> {
  if (!(await behind())) return { events: 0, upToDate: true, busy: false };
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const batchSize = options.batchSize ?? REFRESH_BATCH;
  let events = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await refreshBatch(batchSize, options.now ?? new Date());
    events += batch.events;
    if (batch.busy) return { events, upToDate: false, busy: true };
    if (batch.done) return { events, upToDate: true, busy: false };
  }
  return { events, upToDate: false, busy: false };
}
