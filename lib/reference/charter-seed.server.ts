import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";

// The charter as ANS published it (version 0.1), seeded as the first published version. Inserted when
// missing, never overwritten: a later version is published from the administration, not from here.
export const SEEDED_CHARTER_VERSION = "0.1";
export const SEEDED_CHARTER_TITLE = "Charte d'accès aux données du ROR pour les services numériques de santé";

export async function readSeededCharterBody(): Promise<string> {
  return readFile(path.join(import.meta.dirname, "..", "..", "prisma", "seed-data", `charter-${SEEDED_CHARTER_VERSION}.md`), "utf8");
}

export async function seedCharter(db: PrismaClient): Promise<void> {
  const existing = await db.charterVersion.findUnique({ where: { version: SEEDED_CHARTER_VERSION }, select: { id: true } });
  if (existing) return;
  const body = await readSeededCharterBody();
  await db.charterVersion.upsert({
    where: { version: SEEDED_CHARTER_VERSION },
    update: {},
    // Published by the system when the portal first starts (no person behind it).
    create: { version: SEEDED_CHARTER_VERSION, title: SEEDED_CHARTER_TITLE, body, publishedAt: new Date(), publishedById: null },
  });
}
