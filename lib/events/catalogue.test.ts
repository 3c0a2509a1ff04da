import { describe, expect, it } from "vitest";
import { EVENT_NAMES, EVENTS, eventLabel, eventName, eventShortLabel, isAnsOnlyEvent, SUBJECT_TYPES } from "./catalogue";

describe("the event catalogue", () => {
  it("names each act area.verb, with a French label and a known kind of subject", () => {
    for (const name of EVENT_NAMES) {
      expect(name).toMatch(/^[a-z0-9_]+\.[a-z_]+$/);
      const definition = EVENTS[name];
      expect(definition.label).toMatch(/^[A-ZÀ-Ý]/);
      if (definition.subject !== null) expect(SUBJECT_TYPES).toContain(definition.subject);
    }
  });

  it("refuses names it does not hold and shows old ones as stored", () => {
    expect(eventName.safeParse("application.approved").success).toBe(true);
    expect(eventName.safeParse("application.teleported").success).toBe(false);
    expect(eventLabel("application.teleported")).toBe("application.teleported");
    expect(eventLabel("enrolment.suspended")).toBe("Habilitation suspendue");
    expect(eventShortLabel("enrolment.suspended")).toBe("Suspendue");
    expect(eventShortLabel("api_token.created")).toBe("Jeton d'API créé");
  });

  it("keeps personal data out of payloads: no e-mail or person's name key is a payload field", () => {
    for (const name of EVENT_NAMES) {
      const shape = (EVENTS[name].payload as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const key of Object.keys(shape)) expect(key).not.toMatch(/email|signerName|signerFunction|ip$|userAgent/i);
    }
  });

  it("validates payloads: integers only, instants as ISO text", () => {
    expect(EVENTS["level1_quota.updated"].payload.safeParse({ from: 100, to: 120 }).success).toBe(true);
    expect(EVENTS["level1_quota.updated"].payload.safeParse({ from: 100, to: 1.5 }).success).toBe(false);
    expect(EVENTS["certificate.expired"].payload.safeParse({ fingerprintSha256: "ab", threshold: 7, notAfter: "2026-12-01T00:00:00.000Z" }).success).toBe(true);
    expect(EVENTS["certificate.expired"].payload.safeParse({ fingerprintSha256: "ab", threshold: 7, notAfter: "demain" }).success).toBe(false);
  });

  it("keeps ANS's acts apart: review.* and only review.* is of ANS's side alone (the activity trigger relies on the name)", () => {
    for (const name of EVENT_NAMES) expect(isAnsOnlyEvent(name), name).toBe(name.startsWith("review."));
    expect(isAnsOnlyEvent("review.note_added")).toBe(true);
    expect(isAnsOnlyEvent("application.message_posted")).toBe(false);
    expect(isAnsOnlyEvent("nom.inconnu")).toBe(true);
  });
});
