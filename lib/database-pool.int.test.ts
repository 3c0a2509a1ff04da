import { afterAll, describe, expect, it } from "vitest";
import { createDatabasePool } from "./database-pool";

const pool = createDatabasePool(process.env.DATABASE_URL!, 2);
afterAll(() => pool.end());

describe("the database pool's connections", () => {
  it("run the queries sent at once on one connection (a transaction's) one after the other, with no warning from pg", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const started = performance.now();
      const results = await Promise.all([1, 2, 3].map((n) => client.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0.05)", [n])));
      expect(results.map((r) => r.rows[0]!.n)).toEqual([1, 2, 3]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      // A failing query neither blocks nor poisons the next one on the same connection.
      const [failed, after] = await Promise.allSettled([client.query("SELECT 1/0"), client.query("SELECT 1")]);
      expect(failed.status).toBe("rejected");
      expect(after.status).toBe("rejected"); // the transaction is aborted, as PostgreSQL says
      await client.query("ROLLBACK");
      expect((await client.query<{ v: number }>("SELECT 7 AS v")).rows[0]!.v).toBe(7);
    } finally {
      client.release();
      process.off("warning", onWarning);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes("already executing"))).toEqual([]);
  });
});
