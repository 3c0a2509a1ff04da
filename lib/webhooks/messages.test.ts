import { describe, expect, it } from "vitest";
import { planDeliveries, whitelistCauses, type DispatchedEvent, type WhitelistState } from "./messages";
import { ALL_SOURCE_EVENTS, sourceEventsOf, webhookTypeSchema, webhookTypesOf, UNKNOWN_TYPE, WEBHOOK_TYPES } from "./types";
import { EVENTS } from "../events/catalogue";
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE } from "./schedule";
import { nominalAttempts } from "../mail/retry";
import { subscriptionDisabledMail } from "./mail-texts";

const at = new Date("2026-12-01T10:00:00Z");
function event(sequence: number, name: string, payload: Record<string, unknown> = {}): DispatchedEvent {
  return { id: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`, sequence: BigInt(sequence), name, subjectType: "Enrolment", subjectId: "e1", organizationId: "o1", occurredAt: at, payload };
}
const whitelist: WhitelistState = {
  revision: "42",
  changedAt: at,
  etags: { all: { json: '"a.json"', csv: '"a.csv"' }, TEST: { json: '"t.json"', csv: '"t.csv"' }, PRODUCTION: { json: '"p.json"', csv: '"p.csv"' } },
  entries: { all: 3, TEST: 2, PRODUCTION: 1 },
  exportUrl: "https://portail.exemple.fr/api/v1/whitelist",
};

describe("webhook types", () => {
  it("are catalogue acts, plus whitelist.changed fed by every act that changes the export", () => {
    for (const type of WEBHOOK_TYPES) if (type !== "whitelist.changed") expect(Object.keys(EVENTS)).toContain(type);
    expect(webhookTypesOf("enrolment.suspended")).toEqual(["enrolment.suspended", "whitelist.changed"]);
    expect(webhookTypesOf("application.submitted")).toEqual(["application.submitted"]);
    expect(webhookTypesOf("level1_quota.updated")).toEqual(["whitelist.changed"]);
    expect(webhookTypesOf("user.signed_in")).toEqual([]);
    expect(sourceEventsOf(["whitelist.changed"])).toContain("level1_quota.updated");
    expect(sourceEventsOf(["application.submitted", "application.submitted"])).toEqual(["application.submitted"]);
    expect(ALL_SOURCE_EVENTS).not.toContain("user.signed_in");
    expect(webhookTypeSchema.safeParse("user.signed_in").error?.issues[0]?.message).toBe(UNKNOWN_TYPE);
  });

  it("never forward an act that carries personal data", () => {
    for (const name of ALL_SOURCE_EVENTS) expect("personal" in EVENTS[name], name).toBe(false);
  });
});

describe("planning deliveries", () => {
  const subscriptions = [
    { id: "s-all", eventTypes: ["whitelist.changed", "enrolment.suspended", "application.submitted"], fromSequence: 0n },
    { id: "s-late", eventTypes: ["enrolment.suspended"], fromSequence: 2n },
  ];

  it("gives each subscription the acts it chose after it started, and one whitelist.changed per batch", () => {
    const events = [event(1, "enrolment.suspended", { from: "ACTIVE" }), event(2, "application.submitted"), event(3, "enrolment.suspended"), event(4, "level1_quota.updated")];
    const planned = planDeliveries({ events, subscriptions, whitelist, at });
    expect(planned.map((p) => [p.subscriptionId, p.type, p.eventSequence])).toEqual([
      ["s-all", "enrolment.suspended", 1n],
      ["s-all", "application.submitted", 2n],
      ["s-all", "enrolment.suspended", 3n],
      ["s-late", "enrolment.suspended", 3n],
      ["s-all", "whitelist.changed", 4n],
    ]);
    const first = JSON.parse(planned[0]!.body);
    expect(first).toEqual({
      type: "enrolment.suspended",
      timestamp: "2026-12-01T10:00:00.000Z",
      data: {
        event: { id: events[0]!.id, sequence: "1", name: "enrolment.suspended", label: "Habilitation suspendue", occurredAt: "2026-12-01T10:00:00.000Z" },
        subject: { type: "Enrolment", id: "e1" },
        organizationId: "o1",
        details: { from: "ACTIVE" },
      },
    });
    const changed = JSON.parse(planned[4]!.body);
    expect(changed.type).toBe("whitelist.changed");
    expect(changed.data).toMatchObject({ revision: "42", etags: whitelist.etags, entries: whitelist.entries, exportUrl: whitelist.exportUrl });
    expect(changed.data.causes.map((c: { sequence: string }) => c.sequence)).toEqual(["1", "3", "4"]);
  });

  it("sends no whitelist.changed when the revision has not moved (whitelist null) or nothing changed it", () => {
    expect(planDeliveries({ events: [event(5, "enrolment.revoked")], subscriptions: [subscriptions[0]!], whitelist: null, at })).toEqual([]);
    expect(whitelistCauses([event(5, "application.submitted")], subscriptions)).toEqual([]);
    expect(whitelistCauses([event(5, "enrolment.revoked")], [subscriptions[1]!])).toEqual([]);
    expect(whitelistCauses([event(5, "enrolment.revoked")], subscriptions)).toHaveLength(1);
  });
});

describe("retries and the administrators' mail", () => {
  it("retry over 24 hours, 19 tries, the last one 22 to 24 hours after the first failure", () => {
    expect(DEFAULT_WEBHOOK_RETRY_SCHEDULE.windowMs).toBe(24 * 60 * 60_000);
    expect(nominalAttempts(DEFAULT_WEBHOOK_RETRY_SCHEDULE)).toBe(19);
  });

  it("tells administrators which subscription stopped, why, and where to re-enable it", () => {
    const mail = subscriptionDisabledMail({ name: "Passerelle", host: "gw.exemple.fr", failures: 50, lastError: "Réponse HTTP 503 du récepteur.", link: "https://portail/administration/webhooks/x" });
    expect(mail.subject).toBe("Webhooks désactivés : Passerelle");
    expect(mail.text).toContain("après 50 échecs consécutifs");
    expect(mail.text).toContain("Dernière erreur : Réponse HTTP 503 du récepteur.");
    expect(mail.text).toContain("https://portail/administration/webhooks/x");
  });
});
