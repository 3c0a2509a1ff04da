import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password.server";
import { DEMO_PASSWORD, demoAccounts, demoOrganization, demoWaitingOrganization } from "./demo-accounts";

/** Two message templates for the reviewers (ADR 0035), as an administrator would write them. */
export const demoMessageTemplates = [
  {
    title: "Justification du profil demandé",
    body: "Bonjour,\n\nLe service « {service} » demande le profil {profil}. Pouvez-vous préciser quels utilisateurs y accéderont et pour quels besoins, afin que nous vérifiions que ce profil est le bon ?\n\nCordialement,\n{instructeur}, ANS",
  },
  {
    title: "URL de production manquante",
    body: "Bonjour,\n\nPour instruire le dossier du service « {service} » ({organisation}), il nous faut l'URL de production du service. Ajoutez-la depuis la page du service, puis déposez le dossier à nouveau.\n\nCordialement,\n{instructeur}, ANS",
  },
];

export type DemoDataOptions = {
  /** Folder of the demo test authority (TEST bundle); `<data dir>/demo-test-ca` by default. */
  testAuthorityDir?: string;
};

/**
 * Loads the demo data once: does nothing when the demo organisation already exists. The demo test authority is
 * checked at every start, so a database created before it existed, or a lost authority folder, gets one.
 */
export async function seedDemoData(db: PrismaClient, options: DemoDataOptions = {}): Promise<boolean> {
  // Demo only, and @peculiar/x509 is a development dependency: loaded when demo data is seeded (ADR 0013).
  const { demoTestAuthorityDir, seedDemoTestCaBundle } = await import("../../lib/runtime/demo-test-authority");
  await seedDemoTestCaBundle(db, options.testAuthorityDir ?? demoTestAuthorityDir());
  const existing = await db.organization.findUnique({ where: { siret: demoOrganization.siret } });
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: demoOrganization });
    for (const account of demoAccounts) {
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, passwordHash, roles: [...account.roles], emailVerifiedAt: new Date() },
      });
      if (account.roles.includes("ANS_ADMIN")) {
        await tx.messageTemplate.createMany({ data: demoMessageTemplates.map((t) => ({ ...t, createdById: user.id })) });
      }
      if (account.roles.includes("EDITOR")) {
        await tx.membership.create({
          data: { userId: user.id, organizationId: organization.id, isLegalRepresentative: account.legalRepresentative },
        });
      }
    }
  });
  return true;
}

export function describeDemoAccounts(): string {
  const rows = [...demoAccounts, demoWaitingOrganization.account].map((a) => `  ${a.label.padEnd(34)} ${a.email}`);
  return ["Comptes de démonstration (mot de passe : " + DEMO_PASSWORD + ") :", ...rows].join("\n");
}
