import { describe, expect, it } from "vitest";
import { parseAuditLogQuery } from "./audit-log/audit-log-query";
import { parseQueueQuery } from "./review/queue-query";
import { withoutControlCharacters } from "./validation";
import { parseWhitelistQuery } from "./whitelist/view-query";

// A NUL byte typed in a search or filter field (`?q=%00`) made PostgreSQL refuse the query: a 500. Every parser of a
// query string drops control characters before anything reaches the database.
describe("search and filter fields with control characters", () => {
  it("lose their control characters; tabs and line breaks become spaces", () => {
    expect(withoutControlCharacters("a\u0000b\u001bc\td\ne\u0085")).toBe("abc d e");
  });

  it("reach no query with a NUL byte: the journal, the reviewer queue, the whitelist", () => {
    expect(parseAuditLogQuery({ organisation: "Ori\u0000entis", acteur: "\u0000" })).toMatchObject({ organization: "Orientis", actorEmail: "" });
    expect(parseQueueQuery({ q: "\u0000Orientis\u0000" }).search).toBe("Orientis");
    expect(parseWhitelistQuery({ q: "%\u0000" }).search).toBe("%");
  });
});
