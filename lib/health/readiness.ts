// Pure: whether this instance can serve, from what the database says (ADR 0025). Liveness asks nothing of the
// database: a load balancer takes an instance out of rotation on readiness, a supervisor restarts it on liveness.

export type ReadinessFacts = {
  databaseReachable: boolean;
  /** The migrations this build brings (folder names of prisma/migrations). */
  expectedMigrations: readonly string[];
  /** The migrations the database has finished applying and not rolled back. */
  appliedMigrations: readonly string[];
  /** Null when the job engine's schema is at the revision this build expects, otherwise what is wrong. */
  jobSchemaProblem: string | null;
};

export type Readiness = { ready: boolean; problems: string[] };

export function readiness(facts: ReadinessFacts): Readiness {
  if (!facts.databaseReachable) return { ready: false, problems: ["Base de données injoignable."] };
  const applied = new Set(facts.appliedMigrations);
  const pending = facts.expectedMigrations.filter((name) => !applied.has(name));
  const problems = [
    ...(facts.expectedMigrations.length === 0 ? ["Aucune migration trouvée à côté de l'application."] : []),
    ...(pending.length > 0 ? [`${pending.length} migration(s) non appliquée(s), dont ${pending[0]} : lancez npm run db:deploy.`] : []),
    ...(facts.jobSchemaProblem ? [`Tâches de fond : ${facts.jobSchemaProblem}`] : []),
  ];
  return { ready: problems.length === 0, problems };
}
