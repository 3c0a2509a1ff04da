import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { createDatabasePool } from "../database-pool";
import { PrismaClient } from "../generated/prisma/client";
import { seedExampleTestPlans } from "../platines/test-plans.server";
import { seedProductionCaBundle } from "./ca-bundle-seed.server";
import { seedCharter } from "./charter-seed.server";

// Reference data that ANS edits afterwards (catalogue of charter 0.1). Inserted when missing, never
// overwritten: once ANS has changed a profile, restarting the portal keeps ANS's version.
const accessProfilesOfCharter01 = [
  { code: "0", label: "Profil 0 — données en libre accès", description: "Accès aux seules données en libre accès (open data) : données d'identification, capacité installée, description de l'offre.", requiresCertificate: false },
  { code: "1", label: "Profil 1 — données restreintes et très restreintes", description: "Accès à l'ensemble des données restreintes et très restreintes.", requiresCertificate: true },
  { code: "2", label: "Profil 2 — données restreintes", description: "Accès aux données restreintes, sans les données très restreintes.", requiresCertificate: true },
  { code: "3", label: "Profil 3 — social et médico-social", description: "Accès aux données restreintes du champ social et médico-social (sans les données très restreintes), et aux seules données en libre accès du champ sanitaire (établissements et exercice libéral).", requiresCertificate: true },
  { code: "4", label: "Profil 4 — administrateur de structure", description: "Accès à l'ensemble des données d'une structure (administrateur de la structure).", requiresCertificate: true },
];

export async function seedAccessProfiles(db: PrismaClient): Promise<void> {
  for (const [index, profile] of accessProfilesOfCharter01.entries()) {
    await db.accessProfile.upsert({
      where: { code: profile.code },
      update: {},
      create: { ...profile, level2AuthenticatedPerSecond: 10, level2PublicPerSecond: 5, sortOrder: index },
    });
  }
}

/** Everything a new database needs, in production too. Idempotent. */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await seedAccessProfiles(db);
  await seedCharter(db);
  await seedProductionCaBundle(db);
}

/** Reference data and the PLATINES example test plans (linked to the profiles), on the database at `databaseUrl`. */
export async function seedReferenceDatabase(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg(createDatabasePool(databaseUrl, 4), { disposeExternalPool: true }) });
  try {
    await seedReferenceData(db);
    await seedExampleTestPlans(db);
  } finally {
    await db.$disconnect();
  }
}
