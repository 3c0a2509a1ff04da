import { describe, expect, it } from "vitest";
import { foldEvents, subjectsOf, type FoldEvent, type FoldState } from "./fold";
import { parseStatisticsPeriod, periodOf } from "./period";
import { backlogByDay, buildStatistics, durationRowsOf, durationSummary, percentile, type StatisticsRows } from "./report";
import { datasetCsv } from "./csv";

// Hand-built event sequences, folded as the job folds them, then read as the page reads them.

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const D = "00000000-0000-4000-8000-00000000000d";
const E1 = "00000000-0000-4000-8000-0000000000e1";
const E2 = "00000000-0000-4000-8000-0000000000e2";

const at = (iso: string) => new Date(iso);
const ev = (name: string, subjectId: string, iso: string, payload: Record<string, unknown> = {}): FoldEvent => ({ name, subjectId, occurredAt: at(iso), payload });
const fresh = (): FoldState => ({ dossiers: new Map(), enrolments: new Map() });

// A: submitted 1 Jan, changes requested 11 Jan (10 days for ANS), resubmitted 16 Jan (5 days for the editor),
//    approved 21 Jan (5 more days for ANS): 20 days in all, 15 of them waiting for ANS.
// B: submitted 10 Jan, refused 12 Feb at 23:30 UTC, i.e. 13 February in Paris.
// C: submitted 20 Feb, still waiting at the end of February, withdrawn in March.
const log: FoldEvent[] = [
  ev("application.submitted", A, "2026-01-01T09:00:00Z", { number: 1 }),
  ev("application.submitted", B, "2026-01-10T09:00:00Z", { number: 1 }),
  ev("application.changes_requested", A, "2026-01-11T09:00:00Z"),
  ev("application.message_posted", A, "2026-01-12T09:00:00Z"),
  ev("application.submitted", A, "2026-01-16T09:00:00Z", { number: 2 }),
  ev("application.approved", A, "2026-01-21T09:00:00Z", { enrolmentId: E1, profile: "2", supersededEnrolmentId: null }),
  ev("application.refused", B, "2026-02-12T23:30:00Z"),
  ev("application.submitted", C, "2026-02-20T09:00:00Z", { number: 1 }),
  ev("application.withdrawn", C, "2026-03-02T09:00:00Z", { from: "SUBMITTED" }),
];

function rowsOf(state: FoldState, days: Map<string, ReturnType<typeof foldEvents>["days"] extends Map<string, infer D> ? D : never>): StatisticsRows {
  return {
    days: [...days].map(([day, counts]) => ({ day, ...counts })),
    durations: durationRowsOf(
      [...state.dossiers.values()]
        .filter((d) => d.decidedAt && d.outcome !== "WITHDRAWN" && d.firstSubmittedAt)
        .map((d) => ({ decidedAt: d.decidedAt!, ansSeconds: d.ansSeconds, editorSeconds: d.editorSeconds })),
    ),
    inForce: Object.entries(
      [...state.enrolments.values()].filter((e) => !e.endedAt).reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.profileCode]: (acc[e.profileCode] ?? 0) + 1 }), {}),
    ).map(([profileCode, count]) => ({ profileCode, count })),
    expiries: [],
    profiles: [{ code: "2", label: "Données restreintes" }],
  };
}

describe("folding the event log", () => {
  it("follows each dossier: time waiting for ANS and for the editor, outcome, and what each Paris day counts", () => {
    const state = fresh();
    const result = foldEvents(state, log);
    const a = state.dossiers.get(A)!;
    expect(a).toMatchObject({ phase: "CLOSED", outcome: "APPROVED", ansSeconds: 15 * 86400, editorSeconds: 5 * 86400, firstSubmittedAt: at("2026-01-01T09:00:00Z") });
    expect(state.dossiers.get(B)).toMatchObject({ outcome: "REFUSED", decidedAt: at("2026-02-12T23:30:00Z"), ansSeconds: 33 * 86400 + 14.5 * 3600, editorSeconds: 0 });
    expect(state.dossiers.get(C)).toMatchObject({ outcome: "WITHDRAWN", decidedAt: null });
    expect(state.enrolments.get(E1)).toMatchObject({ profileCode: "2", endedAt: null });
    expect(result.newEnrolments).toEqual([E1]);
    expect(result.days.get("2026-01-01")).toMatchObject({ submitted: 1, ansDelta: 1 });
    expect(result.days.get("2026-01-11")).toMatchObject({ ansDelta: -1, editorDelta: 1 });
    expect(result.days.get("2026-01-16")).toMatchObject({ submitted: 0, resubmitted: 1, ansDelta: 1, editorDelta: -1 });
    // 23:30 UTC on 12 February is the 13th in Paris.
    expect(result.days.get("2026-02-13")).toMatchObject({ refused: 1, ansDelta: -1 });
    expect(result.days.has("2026-02-12")).toBe(false);
    expect(result.days.get("2026-03-02")).toMatchObject({ withdrawn: 1, ansDelta: -1 });
    expect(result.days.has("2026-01-12")).toBe(false); // a message changes no count
  });

  it("gives the same state folded in batches, whatever the cut", () => {
    const whole = fresh();
    const wholeDays = foldEvents(whole, log).days;
    for (let cut = 1; cut < log.length; cut++) {
      const split = fresh();
      const days = new Map<string, Record<string, number>>();
      for (const part of [log.slice(0, cut), log.slice(cut)]) {
        for (const [day, counts] of foldEvents(split, part).days) {
          const sum = days.get(day) ?? {};
          for (const [k, v] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + v;
          days.set(day, sum);
        }
      }
      expect(split).toEqual(whole);
      expect(Object.fromEntries(days)).toEqual(Object.fromEntries(wholeDays));
    }
  });

  it("ends enrolments when revoked or superseded by an approved amendment, once", () => {
    const state = fresh();
    foldEvents(state, log);
    foldEvents(state, [
      ev("application.submitted", C, "2026-04-01T09:00:00Z"),
      ev("application.approved", C, "2026-04-02T09:00:00Z", { enrolmentId: "00000000-0000-4000-8000-0000000000e9", profile: "1", supersededEnrolmentId: null }),
      ev("application.submitted", D, "2026-04-01T09:00:00Z"),
      ev("application.approved", D, "2026-04-03T09:00:00Z", { enrolmentId: E2, profile: "3", supersededEnrolmentId: E1 }),
      ev("enrolment.superseded", E1, "2026-04-03T09:00:00Z"),
    ]);
    // C was withdrawn: a closed dossier stays closed whatever comes after.
    expect(state.dossiers.get(C)).toMatchObject({ outcome: "WITHDRAWN" });
    expect(state.enrolments.has("00000000-0000-4000-8000-0000000000e9")).toBe(false);
    expect(state.enrolments.get(E1)!.endedAt).toEqual(at("2026-04-03T09:00:00Z"));
    expect(state.enrolments.get(E2)).toMatchObject({ profileCode: "3", endedAt: null });
    foldEvents(state, [ev("enrolment.revoked", E2, "2026-05-01T09:00:00Z"), ev("enrolment.revoked", E2, "2026-06-01T09:00:00Z")]);
    expect(state.enrolments.get(E2)!.endedAt).toEqual(at("2026-05-01T09:00:00Z"));
  });

  it("ignores what cannot be read: a decision without submission counts, not its duration; a request for changes outside review changes nothing", () => {
    const state = fresh();
    const result = foldEvents(state, [ev("application.changes_requested", A, "2026-01-02T00:00:00Z"), ev("application.refused", A, "2026-01-03T12:00:00Z")]);
    expect(state.dossiers.get(A)).toMatchObject({ phase: "CLOSED", firstSubmittedAt: null, ansSeconds: 0, outcome: "REFUSED" });
    expect([...result.days.values()].reduce((s, d) => s + d.ansDelta + d.editorDelta, 0)).toBe(0);
  });

  it("names the records to load before folding", () => {
    expect(subjectsOf(log.concat(ev("enrolment.revoked", E2, "2026-05-01T00:00:00Z")))).toEqual({ applicationIds: [A, B, C], enrolmentIds: [E1, E2] });
  });
});

describe("the statistics read from the folded rows", () => {
  const state = fresh();
  const rows = rowsOf(state, foldEvents(state, log).days);
  const report = buildStatistics(rows, periodOf("2026-01", "2026-03"), at("2026-03-15T12:00:00Z"));
  const dataset = (id: string) => report.datasets.find((d) => d.id === id)!;

  it("counts dossiers submitted, approved and refused per month", () => {
    expect(dataset("depots-et-decisions").rows).toEqual([
      ["2026-01", 2, 1, 0],
      ["2026-02", 1, 0, 1],
      ["2026-03", 0, 0, 0],
    ]);
  });

  it("gives the median and 90th percentile of the time to decision, split between ANS and the editor", () => {
    // A: 20 days (15 ANS, 5 editor); B: 33.6 days (all ANS).
    expect(report.durations).toEqual({ count: 2, total: { median: 26.8, p90: 32.2 }, ans: { median: 24.3, p90: 31.7 }, editor: { median: 2.5, p90: 4.5 } });
    expect(dataset("delais-de-decision").rows).toEqual([
      ["2026-01", 1, 20, 20, 15, 5],
      ["2026-02", 1, 33.6, 33.6, 33.6, 0],
      ["2026-03", 0, null, null, null, null],
    ]);
  });

  it("gives the backlog at the end of each month", () => {
    // End of January: B waits for ANS. End of February: C. End of March (today): nobody.
    expect(dataset("dossiers-en-attente").rows).toEqual([
      ["2026-01", 1, 0],
      ["2026-02", 1, 0],
      ["2026-03", 0, 0],
    ]);
    expect(backlogByDay(rows.days).find((d) => d.day === "2026-01-11")).toEqual({ day: "2026-01-11", ans: 1, editor: 1 });
  });

  it("counts enrolments in force per profile, and the certificates due in the next twelve months", () => {
    expect(dataset("habilitations-par-profil").rows).toEqual([["Profil 2 — Données restreintes", 1]]);
    const expiries = buildStatistics({ ...rows, expiries: [{ month: "2026-05", count: 3 }, { month: "2027-02", count: 1 }, { month: "2027-03", count: 9 }] }, periodOf("2026-01", "2026-03"), at("2026-03-15T12:00:00Z"));
    const due = expiries.datasets.find((d) => d.id === "certificats-a-echeance")!.rows;
    expect(due).toHaveLength(12);
    expect(due[0]).toEqual(["2026-03", 0]);
    expect(due[2]).toEqual(["2026-05", 3]);
    expect(due[11]).toEqual(["2027-02", 1]);
  });

  it("writes each dataset as CSV, durations with a decimal comma", () => {
    const csv = datasetCsv(dataset("delais-de-decision"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n").slice(0, 3)).toEqual([
      '\uFEFF"Mois de décision";"Décisions";"Délai médian (jours)";"Délai au 90e centile (jours)";"Attente médiane de l\'ANS (jours)";"Attente médiane de l\'éditeur (jours)"',
      '"2026-01";"1";"20";"20";"15";"5"',
      '"2026-02";"1";"33,6";"33,6";"33,6";"0"',
    ]);
  });
});

describe("percentiles and periods", () => {
  it("interpolates percentiles like percentile_cont", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(durationSummary(durationRowsOf([]).at(-1)).total).toEqual({ median: null, p90: null });
  });

  const now = at("2026-12-02T10:00:00Z");
  it("defaults to the last twelve months and reads a chosen one", () => {
    expect(parseStatisticsPeriod({}, now)).toMatchObject({ ok: true, isDefault: true, period: { from: "2026-01", to: "2026-12" } });
    const chosen = parseStatisticsPeriod({ du: "2025-03", au: "2025-05" }, now);
    expect(chosen).toMatchObject({ ok: true, period: { from: "2025-03", to: "2025-05", months: ["2025-03", "2025-04", "2025-05"], label: "de mars 2025 à mai 2025" } });
    // Paris midnight: UTC+1 on 1 March, UTC+2 on 1 June.
    expect(chosen.ok && chosen.period.start.toISOString()).toBe("2025-02-28T23:00:00.000Z");
    expect(chosen.ok && chosen.period.end.toISOString()).toBe("2025-05-31T22:00:00.000Z");
    expect(parseStatisticsPeriod({ au: "2026-06" }, now)).toMatchObject({ ok: true, period: { from: "2025-07", to: "2026-06" } });
  });

  it.each([
    [{ du: "2026-11", au: "2027-01" }, { au: "La période ne peut pas aller au-delà du mois en cours (décembre 2026)." }],
    [{ du: "2027-01" }, { du: "La période ne peut pas aller au-delà du mois en cours (décembre 2026)." }],
    [{ du: "2026-05", au: "2026-02" }, { du: "Le début de la période doit précéder sa fin (ou être le même mois)." }],
    [{ du: "2026-13", au: "mars" }, { du: "Saisissez un mois au format AAAA-MM, par exemple 2026-01.", au: "Saisissez un mois au format AAAA-MM, par exemple 2026-01." }],
    [{ du: "1999-01" }, { du: "Les statistiques commencent en janvier 2020 : choisissez un mois à partir de celui-ci." }],
    [{ du: "'; DROP TABLE", au: "<script>" }, { du: "Saisissez un mois au format AAAA-MM, par exemple 2026-01.", au: "Saisissez un mois au format AAAA-MM, par exemple 2026-01." }],
  ])("refuses %j with a French message next to the field", (params, fieldErrors) => {
    expect(parseStatisticsPeriod(params, now)).toEqual({ ok: false, fieldErrors, values: { du: params.du ?? "", au: (params as { au?: string }).au ?? "" } });
  });
});
