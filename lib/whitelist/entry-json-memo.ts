// Pure: what never changes in the GatewayEntry rows an instance has read, by row revision (issue 24 item 4). Rows are
// replaced, never updated, and every row written gets a new revision, so a revision's content never changes: after a
// change the export asks the database for the revisions of the rows in force and reads the content of new ones only.

/** The part of a row that is a function of its revision (what depends on the clock is asked every time). */
export type EntryContent = { json: string; sortKey: string; requiresCertificate: boolean };

export class EntryJsonMemo {
  private readonly json = new Map<string, EntryContent>();
  /** The revisions each export filter used last: what is still worth keeping. */
  private readonly usedBy = new Map<string, readonly string[]>();

  get size(): number {
    return this.json.size;
  }

  get(revision: string): EntryContent | undefined {
    return this.json.get(revision);
  }

  /** The revisions of `revisions` whose JSON is not held. */
  missing(revisions: readonly string[]): string[] {
    return revisions.filter((r) => !this.json.has(r));
  }

  /**
   * Records what the export of `key` read: its rows' content, by revision. Rows no filter uses any more (replaced since)
   * are dropped once they would make the memo half as large again as what is in use.
   */
  remember(key: string, rows: readonly (EntryContent & { revision: string })[]): void {
    for (const { revision, json, sortKey, requiresCertificate } of rows) this.json.set(revision, { json, sortKey, requiresCertificate });
    this.usedBy.set(key, rows.map((r) => r.revision));
    const inUse = new Set([...this.usedBy.values()].flat());
    if (this.json.size > inUse.size * 1.5 + 100) for (const revision of this.json.keys()) if (!inUse.has(revision)) this.json.delete(revision);
  }

  clear(): void {
    this.json.clear();
    this.usedBy.clear();
  }
}
