import { describe, expect, it } from "vitest";
import { readiness } from "./readiness";

const base = { databaseReachable: true, expectedMigrations: ["1_init", "2_sessions"], appliedMigrations: ["1_init", "2_sessions"], jobSchemaProblem: null };

describe("readiness", () => {
  it("is ready when the database answers and has every migration of this build", () => {
    expect(readiness(base)).toEqual({ ready: true, problems: [] });
    expect(readiness({ ...base, appliedMigrations: ["0_older", "1_init", "2_sessions"] }).ready).toBe(true);
  });

  it("is not ready when the database is unreachable", () => {
    expect(readiness({ ...base, databaseReachable: false })).toEqual({ ready: false, problems: ["Base de données injoignable."] });
  });

  it("names a pending migration and the job schema's problem", () => {
    const answer = readiness({ ...base, appliedMigrations: ["1_init"], jobSchemaProblem: "le schéma des tâches de fond n'est pas installé" });
    expect(answer.ready).toBe(false);
    expect(answer.problems).toEqual(["1 migration(s) non appliquée(s), dont 2_sessions : lancez npm run db:deploy.", "Tâches de fond : le schéma des tâches de fond n'est pas installé"]);
  });

  it("is not ready when it cannot see its own migrations", () => {
    expect(readiness({ ...base, expectedMigrations: [] }).ready).toBe(false);
  });
});
