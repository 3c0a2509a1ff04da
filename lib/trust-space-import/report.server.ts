import "server-only";
// An import's report and its comparison with the portal's export, for /administration/reprise (ADR 0059).
import { db } from "../db.server";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { recordId } from "../organizations/organization-schema";
import { entriesInForce } from "../whitelist/entries.server";
import { compareLine, type Comparison, type Expected } from "./comparison";
import { requireImporter } from "./import.server";

export async function listImports(actor: Actor) {
  requireImporter(actor);
  return db().trustSpaceImport.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: { id: true, fileName: true, createdAt: true, imported: true, unchanged: true, rejected: true } });
}

export async function importReport(actor: Actor, rawId: unknown) {
  requireImporter(actor);
  const id = recordId.safeParse(rawId);
  if (!id.success) throw new AppError("NOT_FOUND", "Cet import est introuvable.");
  const found = await db().trustSpaceImport.findUnique({
    where: { id: id.data },
    select: { id: true, fileName: true, createdAt: true, imported: true, unchanged: true, rejected: true, lines: { orderBy: { lineNumber: "asc" } } },
  });
  if (!found) throw new AppError("NOT_FOUND", "Cet import est introuvable.");
  return found;
}

export type ImportComparison = { lines: Comparison[]; portalOnly: number; exported: number };

/** Each taken line against the export in force now; plus how many exported entries the import did not bring. */
export async function importComparison(actor: Actor, rawId: unknown, now: Date = new Date()): Promise<ImportComparison> {
  const report = await importReport(actor, rawId);
  const { entries } = await entriesInForce(now);
  const byKey = new Map(entries.map((e) => [`${e.enrolmentId}\u0000${e.environment}`, e]));
  const lines = report.lines
    .filter((l) => l.enrolmentId !== null && l.outcome !== "REJECTED")
    .map((l) =>
      compareLine(
        { lineNumber: l.lineNumber, enrolmentId: l.enrolmentId!, environment: l.environment, fingerprintSha256: l.fingerprintSha256, expected: l.expected as Expected },
        byKey.get(`${l.enrolmentId}\u0000${l.environment}`),
      ),
    );
  const imported = new Set(report.lines.map((l) => l.enrolmentId).filter(Boolean));
  return { lines, portalOnly: entries.filter((e) => !imported.has(e.enrolmentId)).length, exported: entries.length };
}
