import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password.server";
import { DEMO_PASSWORD, demoOrganization, demoWaitingOrganization } from "./demo-accounts";

// Demo data of issue 22: the demo organisation verified by ANS from a generated demo extract, and a second demo
// organisation waiting for verification, so that the reviewers' "Organisations à vérifier" tab is not empty.
// Idempotent, and applied to a demo database made before organisations were verified.

/** A one-page PDF that says what it is: a demo, not a real extract of the trade register. */
export async function demoExtractPdf(organization: { legalName: string; siret: string; address: string }, representative: string, date: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Extrait de démonstration — ${organization.legalName}`);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const lines: [string, boolean][] = [
    ["EXTRAIT DE DÉMONSTRATION — SANS VALEUR", true],
    ["Document généré par le portail pour la démonstration : ce n'est pas un extrait Kbis.", false],
    ["", false],
    [`Dénomination : ${organization.legalName}`, false],
    [`SIRET : ${organization.siret}`, false],
    [`Adresse : ${organization.address.replace(/\n/g, ", ")}`, false],
    [`Représentant légal : ${representative}`, false],
    [`Date : ${date.toISOString().slice(0, 10)}`, false],
  ];
  lines.forEach(([text, strong], index) => page.drawText(text, { x: 50, y: 780 - index * 24, size: strong ? 16 : 12, font: strong ? bold : font }));
  return pdf.save();
}

async function addExtract(db: PrismaClient, organizationId: string, uploadedById: string, content: Uint8Array, at: Date) {
  await db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: {
        fileName: "extrait-demonstration.pdf",
        mediaType: "application/pdf",
        size: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        content: new Uint8Array(content),
        createdById: uploadedById,
      },
    });
    await tx.organizationEvidence.create({ data: { organizationId, kind: "REGISTER_EXTRACT", documentDate: new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`), fileId: file.id, uploadedById, uploadedAt: at } });
  });
}

/** Returns true when something was added. */
export async function seedDemoVerification(db: PrismaClient, now: Date = new Date()): Promise<boolean> {
  let added = false;
  const demo = await db.organization.findUnique({
    where: { siret: demoOrganization.siret },
    include: { evidence: { select: { id: true } }, memberships: { where: { isLegalRepresentative: true }, include: { user: true }, take: 1 } },
  });
  const reviewer = await db.user.findFirst({ where: { roles: { has: "ANS_REVIEWER" } }, orderBy: { createdAt: "asc" } });
  const representative = demo?.memberships[0]?.user;
  if (demo && representative && demo.evidence.length === 0) {
    await addExtract(db, demo.id, representative.id, await demoExtractPdf(demo, representative.name, now), now);
    await db.organization.update({
      where: { id: demo.id },
      data: { status: "VERIFIED", statusChangedAt: now, statusChangedById: reviewer?.id ?? null, awaitingVerificationSince: null },
    });
    added = true;
  }
  if (!(await db.organization.findUnique({ where: { siret: demoWaitingOrganization.siret } }))) {
    const { account, ...organization } = demoWaitingOrganization;
    const user =
      (await db.user.findUnique({ where: { email: account.email } })) ??
      (await db.user.create({ data: { email: account.email, name: account.name, passwordHash: await hashPassword(DEMO_PASSWORD), roles: ["EDITOR"], emailVerifiedAt: now } }));
    const created = await db.organization.create({ data: { ...organization, awaitingVerificationSince: now } });
    await db.membership.create({ data: { userId: user.id, organizationId: created.id, isLegalRepresentative: true } });
    await addExtract(db, created.id, user.id, await demoExtractPdf(created, user.name, now), now);
    added = true;
  }
  return added;
}
