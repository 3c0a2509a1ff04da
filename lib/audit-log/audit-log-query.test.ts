import { describe, expect, it } from "vitest";
import { auditDateRange, auditLogQueryParams, csvCell, csvDate, csvLine, parisDayStart, parseAuditLogQuery } from "./audit-log-query";

describe("audit log filters", () => {
  it("parses every filter and writes them back", () => {
    const query = parseAuditLogQuery(
      new URLSearchParams({ type: "application.approved", du: "2026-03-01", au: "2026-03-31", organisation: "  Santé  Numérique ", acteur: "Admin@ANS-demo.fr", page: "3" }),
    );
    expect(query).toEqual({ type: "application.approved", from: "2026-03-01", to: "2026-03-31", organization: "Santé Numérique", actorEmail: "admin@ans-demo.fr", page: 3 });
    expect(auditLogQueryParams(query, { page: 1 }).toString()).toBe(
      "type=application.approved&du=2026-03-01&au=2026-03-31&organisation=Sant%C3%A9+Num%C3%A9rique&acteur=admin%40ans-demo.fr",
    );
  });

  it("ignores forged or wrong values instead of failing", () => {
    expect(parseAuditLogQuery({ type: "drop table", du: "2026-02-30", au: "hier", page: "-4", organisation: ["a", "b"] })).toEqual({
      type: null,
      from: null,
      to: null,
      organization: "a",
      actorEmail: "",
      page: 1,
    });
    expect(parseAuditLogQuery({ page: "999999999" }).page).toBe(20_000);
  });

  it("reads dates as Paris days, winter and summer", () => {
    expect(parisDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(parisDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    // The day of the change to summer time starts at winter time.
    expect(parisDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(parisDayStart("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(auditDateRange({ from: "2026-03-28", to: "2026-03-29" })).toEqual({
      gte: new Date("2026-03-27T23:00:00.000Z"),
      lt: new Date("2026-03-29T22:00:00.000Z"),
    });
    expect(auditDateRange({ from: null, to: null })).toEqual({});
  });
});

describe("CSV cells", () => {
  it("quote every value and double the quotes", () => {
    expect(csvCell('Dupont "le grand"')).toBe('"Dupont ""le grand"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell("a;b\nc")).toBe('"a;b\nc"');
  });

  it("neutralise formulas (CSV injection)", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(csvCell(evil).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell("Éditeur = ok")).toBe('"Éditeur = ok"');
  });

  it("separate cells with semicolons and end lines with CRLF", () => {
    expect(csvLine(["a", 1, "=x"])).toBe('"a";"1";"\'=x"\r\n');
  });

  it("write dates in Paris time", () => {
    expect(csvDate(new Date("2026-07-14T22:05:09Z"))).toBe("15/07/2026 00:05:09");
  });
});
