import "server-only";
// The whitelist as `whitelist.changed` reports it: the revision, then the ETag of each export the machine API serves
// (all environments, TEST, PRODUCTION; JSON and CSV), read after the acts it follows have committed.
import { db } from "../db.server";
import { portalLink } from "../portal-link.server";
import { preparedWhitelistExport } from "../whitelist/entries.server";
import { whitelistEtag } from "../whitelist/export";
import type { WhitelistState } from "./messages";

export async function currentWhitelistState(now: Date): Promise<WhitelistState> {
  const row = await db().whitelistRevision.findUnique({ where: { id: 1 } });
  const revision = (row?.revision ?? 0n).toString();
  // The revision is read before the data (the API's own rule): a change committed in between only brings another notice.
  const [all, test, production] = await Promise.all([
    preparedWhitelistExport(undefined, now, revision),
    preparedWhitelistExport("TEST", now, revision),
    preparedWhitelistExport("PRODUCTION", now, revision),
  ]);
  const etags = (p: typeof all) => ({ json: whitelistEtag(p.prepared, "json"), csv: whitelistEtag(p.prepared, "csv") });
  return {
    revision,
    changedAt: row?.changedAt ?? now,
    etags: { all: etags(all), TEST: etags(test), PRODUCTION: etags(production) },
    entries: { all: all.prepared.entries.length, TEST: test.prepared.entries.length, PRODUCTION: production.prepared.entries.length },
    exportUrl: portalLink("/api/v1/whitelist"),
  };
}
