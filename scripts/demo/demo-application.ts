import type { Actor } from "../../lib/auth/permissions";
import { lockApplication } from "../../lib/applications/application-records.server";
import { openApplicationInTransaction } from "../../lib/applications/open-application.server";
import { submitInTransaction } from "../../lib/applications/submit.server";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { demoAccounts, demoOrganization } from "./demo-accounts";

// Demo data only: the demo organisation's legal representative accepts the charter, the organisation declares a
// profile-0 service with a test URL (no certificate, attestation or PLATINES plan is needed for that profile,
// so nothing is faked), and its staff member opens and submits the application through the application use
// cases: the reviewer queue is not empty on a fresh `npm start`. Idempotent: skipped once the service exists.

export const DEMO_SERVICE_NAME = "Orientation Démo";
const DEMO_REQUEST = { ip: "127.0.0.1", userAgent: "données de démonstration" };

export async function seedDemoApplication(db: PrismaClient, now: Date = new Date()): Promise<boolean> {
  const organization = await db.organization.findUnique({ where: { siret: demoOrganization.siret }, select: { id: true } });
  if (!organization) return false;
  const staffEmail = demoAccounts.find((a) => a.roles.includes("EDITOR") && !a.legalRepresentative)?.email;
  const representativeEmail = demoAccounts.find((a) => a.legalRepresentative)?.email;
  const [staff, representative, profile, charter] = await Promise.all([
    db.user.findUnique({ where: { email: staffEmail ?? "" }, select: { id: true } }),
    db.user.findUnique({ where: { email: representativeEmail ?? "" }, select: { id: true } }),
    db.accessProfile.findUnique({ where: { code: "0" }, select: { id: true } }),
    db.charterVersion.findFirst({ where: { publishedAt: { not: null } }, orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }], select: { id: true } }),
  ]);
  if (!staff || !representative || !profile) return false;

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organization.id}::uuid FOR UPDATE`;
    const existing = await tx.service.findFirst({ where: { organizationId: organization.id, name: DEMO_SERVICE_NAME }, select: { id: true } });
    if (existing) return false;

    if (charter) {
      const accepted = await tx.charterAcceptance.findFirst({ where: { organizationId: organization.id, charterVersionId: charter.id }, select: { id: true } });
      if (!accepted) {
        await tx.charterAcceptance.create({
          data: { organizationId: organization.id, charterVersionId: charter.id, userId: representative.id, ip: DEMO_REQUEST.ip, userAgent: DEMO_REQUEST.userAgent },
        });
      }
    }
    const service = await tx.service.create({
      data: {
        organizationId: organization.id,
        name: DEMO_SERVICE_NAME,
        softwareName: "OrientSoft",
        softwareVersion: "3.1",
        description: "Aide à l'orientation des patients vers l'offre de soins disponible, à partir des données en libre accès du ROR.",
        purposes: ["ORIENTATION"],
        users: "Les agents d'accueil des établissements de la région.",
        requestedProfileId: profile.id,
        profileJustification: "Le service n'affiche que l'offre de soins publique : les données en libre accès suffisent.",
        apis: ["FHIR"],
      },
      select: { id: true },
    });
    await tx.serviceUrl.create({ data: { serviceId: service.id, environment: "TEST", url: "https://test.orientation-demo.exemple.fr/ror" } });

    const actor: Actor = { userId: staff.id, roles: ["EDITOR"], memberships: [{ organizationId: organization.id, isLegalRepresentative: false }] };
    const opened = await openApplicationInTransaction(tx, actor, service.id, "NEW", null, DEMO_REQUEST, now);
    await submitInTransaction(tx, actor, await lockApplication(tx, opened.applicationId), DEMO_REQUEST, now);
    return true;
  });
}
