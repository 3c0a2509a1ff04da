// Reuse of a prepared export between requests, so that a gateway polling with If-None-Match gets its 304 without the
// whitelist being serialised and hashed again. The caller supplies `revision`: a cheap stamp that changes whenever
// anything the export reads changes (enrolments, certificates, quotas, profiles). Certificates crossing notBefore or
// notAfter change the export without any write, so an entry also expires at the next validity change.
import type { PreparedWhitelist } from "./export";

interface Cached {
  revision: string;
  validUntil: number;
  prepared: PreparedWhitelist;
}

export class PreparedWhitelistCache {
  private readonly slots = new Map<string, Cached>();

  /** `key` tells exports apart (environment filter); `now` is the request's clock. */
  get(key: string, revision: string, now: Date): PreparedWhitelist | null {
    const cached = this.slots.get(key);
    if (!cached || cached.revision !== revision || now.getTime() >= cached.validUntil) return null;
    return cached.prepared;
  }

  /** `validUntil`: `nextValidityChange(entries, now)`, null when nothing will change by itself. */
  set(key: string, revision: string, validUntil: Date | null, prepared: PreparedWhitelist): void {
    this.slots.set(key, { revision, validUntil: validUntil?.getTime() ?? Number.POSITIVE_INFINITY, prepared });
  }

  clear(): void {
    this.slots.clear();
  }
}
