import { describe, expect, it } from "vitest";
import { idleTimeoutSecondsFor, lastSeenIsStale, newSessionTimes, sessionState } from "./session-policy";

const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
const minutes = (n: number) => n * 60_000;

describe("session lifetime", () => {
  it("gives ANS accounts 2 hours of idleness and editors 8", () => {
    expect(idleTimeoutSecondsFor(["ANS_REVIEWER"])).toBe(7200);
    expect(idleTimeoutSecondsFor(["ANS_REVIEWER", "ANS_ADMIN"])).toBe(7200);
    expect(idleTimeoutSecondsFor(["ANS_ADMIN"])).toBe(7200);
    expect(idleTimeoutSecondsFor(["EDITOR"])).toBe(28_800);
    expect(idleTimeoutSecondsFor(["EDITOR", "ANS_REVIEWER"])).toBe(7200);
  });

  it("ends 12 hours after sign-in whatever the activity", () => {
    const session = { ...newSessionTimes(["EDITOR"], at("08:00:00")), revokedAt: null };
    expect(session.expiresAt).toEqual(at("20:00:00"));
    const active = { ...session, lastSeenAt: at("19:58:00") };
    expect(sessionState(active, at("19:59:59"))).toBe("active");
    expect(sessionState(active, at("20:00:00"))).toBe("expired");
  });

  type Row = [roles: ("EDITOR" | "ANS_REVIEWER")[], idleMinutes: number, state: string];
  const rows: Row[] = [
    [["ANS_REVIEWER"], 119, "active"],
    [["ANS_REVIEWER"], 120, "idle"],
    [["EDITOR"], 120, "active"],
    [["EDITOR"], 479, "active"],
    [["EDITOR"], 480, "idle"],
  ];
  it.each(rows)("%j idle for %i minutes is %s", (roles, idle, state) => {
    const session = { ...newSessionTimes(roles, at("08:00:00")), revokedAt: null };
    expect(sessionState(session, new Date(at("08:00:00").getTime() + minutes(idle)))).toBe(state);
  });

  it("is over once revoked", () => {
    const session = { ...newSessionTimes(["EDITOR"], at("08:00:00")), revokedAt: at("08:01:00") };
    expect(sessionState(session, at("08:02:00"))).toBe("revoked");
  });

  it("writes lastSeen at most once per 5 minutes", () => {
    expect(lastSeenIsStale(at("08:00:00"), at("08:04:59"))).toBe(false);
    expect(lastSeenIsStale(at("08:00:00"), at("08:05:00"))).toBe(true);
  });
});
