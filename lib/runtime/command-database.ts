// For one-shot commands (`npm run job:…`, `npm run audit:verify`): the database of DATABASE_URL, else the embedded
// database of `npm start`, started for the command and stopped after it.
import path from "node:path";
import { projectRoot } from "./database-tools";
import { startEmbeddedDatabase } from "./embedded-database";
import { localSecret } from "./local-secrets";

export async function withCommandDatabase<T>(command: () => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return command();
  const dataDir = process.env.PORTAL_DATA_DIR ?? path.join(projectRoot, ".data");
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329) });
  try {
    await embedded.ensureDatabase("ror");
    process.env.DATABASE_URL = embedded.url("ror");
    process.env.AUTH_SECRET ||= localSecret(dataDir, "auth-secret");
    process.env.MFA_ENCRYPTION_KEY ||= localSecret(dataDir, "mfa-encryption-key");
    return await command();
  } finally {
    await embedded.stop();
  }
}
