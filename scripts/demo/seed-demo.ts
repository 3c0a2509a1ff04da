import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password.server";
import { secondFactorKeyMaterial } from "../../lib/second-factor/key-material";
import { sealSecret } from "../../lib/second-factor/secret-box";
import { groupedSecret } from "../../lib/second-factor/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts, demoOrganization, demoWaitingOrganization } from "./demo-accounts";

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
  /** The key the portal that reads this database seals TOTP secrets with; from the environment by default. */
  secondFactorKey?: string;
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
  if (existing) {
    await seedDemoSecondFactors(db, options.secondFactorKey);
    return false;
  }
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
  await seedDemoSecondFactors(db, options.secondFactorKey);
  return true;
}

/**
 * The demo ANS accounts' authenticator app, with the documented demo secret (issue 19): checked at every start, so a
 * demo database made before second factors existed gets it too. An account that has one keeps it.
 */
async function seedDemoSecondFactors(db: PrismaClient, secondFactorKey?: string): Promise<void> {
  const key = secondFactorKey ?? secondFactorKeyMaterial({ MFA_ENCRYPTION_KEY: process.env.MFA_ENCRYPTION_KEY, AUTH_SECRET: process.env.AUTH_SECRET });
  const staff = await db.user.findMany({ where: { email: { in: demoAccounts.filter((a) => !a.roles.includes("EDITOR")).map((a) => a.email) }, totpFactor: null }, select: { id: true } });
  for (const user of staff) {
    await db.totpFactor.create({ data: { userId: user.id, secretEncrypted: sealSecret(key, user.id, DEMO_TOTP_SECRET), confirmedAt: new Date() } });
  }
}

export function describeDemoAccounts(): string {
  const rows = [...demoAccounts, demoWaitingOrganization.account].map((a) => `  ${a.label.padEnd(34)} ${a.email}`);
  return [
    "Comptes de démonstration (mot de passe : " + DEMO_PASSWORD + ") :",
    ...rows,
    `Second facteur des comptes ANS de démonstration (application d'authentification, démonstration seulement) : ${groupedSecret(DEMO_TOTP_SECRET)}`,
  ].join("\n");
}
