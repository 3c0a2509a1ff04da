// The PostgreSQL pool every Prisma client of the project uses. Prisma's query interpreter loads sibling relations
// in parallel (`Promise.all`), which inside a transaction sends several queries at once to its one connection: pg
// queues them, warns that this is deprecated, and pg 9 will refuse it (prisma/orm#29407, fix not released). Each
// connection of this pool therefore sends a query only once the previous one has finished; the pool as a whole
// still runs queries in parallel on its several connections.
import pg from "pg";

export class OneQueryAtATimeClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();

  // pg's overloads (callback, submittable, promise) cannot be restated in a subclass: the promise forms are queued,
  // the others (used by pg itself, never by Prisma) go through as they are.
  override query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === "function";
    const submittable = typeof (args[0] as { submit?: unknown } | null)?.submit === "function";
    const run = () => (super.query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (callback || submittable) return run() as never;
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result as never;
  }
}

export function createDatabasePool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, Client: OneQueryAtATimeClient });
}
