import "server-only";
// Use cases of the CA bundles: ANS administrators add and retire the certification authorities that client
// certificates of each environment must chain to; the certificate registry reads the active ones.
import { z } from "zod";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { formatDate } from "../time";
import { fieldErrorsOf } from "../validation";
import {
  CA_BUNDLE_ENVIRONMENTS,
  CA_BUNDLE_ERRORS,
  CA_UPLOAD_MAX_BYTES,
  caKind,
  caValidity,
  compareBundleEntries,
  readCaCertificate,
  type CaBundleEnvironment,
  type CaKind,
  type CaValidity,
} from "./ca-bundle";
import { certificateFacts, certificateName } from "./certificate-facts";
import { CERTIFICATE_INPUT_ERRORS } from "./certificate-input";

const FORBIDDEN = "Seul un administrateur ANS peut gérer les autorités de certification.";
const NOT_FOUND = "Cette autorité de certification est introuvable.";
const ALREADY_RETIRED = "Cette autorité de certification a déjà été retirée.";
const INVALID = "Le certificat n'a pas été ajouté.";

const environmentSchema = z.enum(CA_BUNDLE_ENVIRONMENTS, { error: CA_BUNDLE_ERRORS.environment });

const certificateInputSchema = z.union(
  [
    z.object({
      bytes: z
        .instanceof(Uint8Array, { error: CERTIFICATE_INPUT_ERRORS.unreadable })
        .refine((bytes) => bytes.length <= CA_UPLOAD_MAX_BYTES, { error: CA_BUNDLE_ERRORS.tooLarge }),
    }),
    z.object({
      // Characters are at least one byte each: the byte count is checked again once encoded.
      text: z.string({ error: CA_BUNDLE_ERRORS.missing }).max(CA_UPLOAD_MAX_BYTES, { error: CA_BUNDLE_ERRORS.tooLarge }),
    }),
  ],
  { error: CA_BUNDLE_ERRORS.missing },
);

const addSchema = z.object({ environment: environmentSchema, certificate: certificateInputSchema });

export type CaBundleCertificate = {
  id: string;
  environment: CaBundleEnvironment;
  /** CN, or the whole subject when there is none. */
  name: string;
  subjectDn: string;
  issuerDn: string;
  fingerprintSha256: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  validity: CaValidity;
  kind: CaKind;
  retiredAt: Date | null;
  createdAt: Date;
  /** null when loaded by the seed (no person behind it) or when the person's account is gone. */
  addedBy: { name: string } | null;
};

export type CaBundleAdministration = Record<CaBundleEnvironment, CaBundleCertificate[]>;

function requireBundleManager(actor: Actor) {
  if (!can(actor, { type: "caBundle.manage" })) throw new AppError("FORBIDDEN", FORBIDDEN);
}

/**
 * The CA certificates that client certificates of this environment must chain to: every one not retired.
 * Server-side only, no permission: the certificate registry calls it after its own checks.
 */
export async function activeCaBundle(environment: CaBundleEnvironment): Promise<{ der: Uint8Array }[]> {
  const rows = await db().caCertificate.findMany({
    where: { environment: environmentSchema.parse(environment), retiredAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { der: true },
  });
  return rows.map((row) => ({ der: new Uint8Array(row.der) }));
}

/** Both bundles with the facts of each CA certificate, retired ones included, for the administration page. */
export async function caBundleAdministration(actor: Actor, now: Date = new Date()): Promise<CaBundleAdministration> {
  requireBundleManager(actor);
  const rows = await db().caCertificate.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const adderIds = [...new Set(rows.flatMap((row) => (row.addedById ? [row.addedById] : [])))];
  const adders = adderIds.length
    ? await db().user.findMany({ where: { id: { in: adderIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(adders.map((user) => [user.id, user.name]));

  const bundles: CaBundleAdministration = { TEST: [], PRODUCTION: [] };
  for (const row of rows) {
    const facts = certificateFacts(new Uint8Array(row.der));
    const adder = row.addedById ? names.get(row.addedById) : undefined;
    bundles[row.environment].push({
      id: row.id,
      environment: row.environment,
      name: certificateName(facts),
      subjectDn: row.subjectDn,
      issuerDn: row.issuerDn,
      fingerprintSha256: row.fingerprintSha256,
      serialNumber: facts.serialNumber,
      notBefore: row.notBefore,
      notAfter: row.notAfter,
      validity: caValidity(row.notBefore, row.notAfter, now),
      kind: caKind(facts),
      retiredAt: row.retiredAt,
      createdAt: row.createdAt,
      addedBy: adder ? { name: adder } : null,
    });
  }
  for (const environment of CA_BUNDLE_ENVIRONMENTS) bundles[environment].sort(compareBundleEntries);
  return bundles;
}

/**
 * Adds a CA certificate to one environment's bundle. Field errors are keyed `certificate` (the file or the
 * pasted text) and `environment`. Nothing is written when anything is wrong.
 */
export async function addCaCertificate(
  actor: Actor,
  environment: unknown,
  input: unknown,
  request: RequestContext,
): Promise<{ id: string; name: string; notes: string[] }> {
  requireBundleManager(actor);
  const parsed = addSchema.safeParse({ environment, certificate: input });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    // Whatever went wrong inside the input (bytes or text), it belongs next to the certificate field.
    const fieldErrors: Record<string, string> = {};
    for (const [key, message] of Object.entries(errors)) fieldErrors[key.split(".")[0] ?? key] ??= message;
    throw new AppError("VALIDATION", INVALID, fieldErrors);
  }
  const reading = readCaCertificate(parsed.data.certificate);
  if (!reading.ok) throw new AppError("VALIDATION", INVALID, { certificate: reading.error });
  const { facts, der, notes } = reading;
  const target = parsed.data.environment;
  const name = certificateName(facts);

  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.caCertificate.findUnique({
        where: { environment_fingerprintSha256: { environment: target, fingerprintSha256: facts.fingerprintSha256 } },
        select: { retiredAt: true },
      });
      if (existing) throw duplicate(name, target, existing.retiredAt);
      const created = await tx.caCertificate.create({
        data: {
          environment: target,
          der: new Uint8Array(der),
          subjectDn: facts.subjectDn,
          issuerDn: facts.issuerDn,
          fingerprintSha256: facts.fingerprintSha256,
          notBefore: new Date(facts.notBefore),
          notAfter: new Date(facts.notAfter),
          addedById: actor.userId,
        },
        select: { id: true },
      });
      await recordEvent(tx, {
        name: "ca_certificate.added",
        actor: userActor(actor.userId),
        subjectId: created.id,
        request,
        payload: {
          environment: target,
          subjectDn: facts.subjectDn,
          issuerDn: facts.issuerDn,
          fingerprintSha256: facts.fingerprintSha256,
          notBefore: facts.notBefore,
          notAfter: facts.notAfter,
        },
      });
      return { id: created.id, name, notes };
    });
  } catch (error) {
    // Two administrators adding the same authority at once: the unique constraint catches the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate(name, target, null);
    throw error;
  }
}

function duplicate(name: string, environment: CaBundleEnvironment, retiredAt: Date | null): AppError {
  const message = retiredAt
    ? CA_BUNDLE_ERRORS.duplicateRetired(name, environment, formatDate(retiredAt))
    : CA_BUNDLE_ERRORS.duplicate(name, environment);
  return new AppError("CONFLICT", INVALID, { certificate: message });
}

/** Retires a CA certificate: kept and listed, never deleted, but no longer trusted. */
export async function retireCaCertificate(
  actor: Actor,
  id: unknown,
  request: RequestContext,
): Promise<{ id: string; name: string; environment: CaBundleEnvironment }> {
  requireBundleManager(actor);
  const parsedId = z.uuid().safeParse(id);
  if (!parsedId.success) throw new AppError("NOT_FOUND", NOT_FOUND);
  return db().$transaction(async (tx) => {
    const row = await tx.caCertificate.findUnique({
      where: { id: parsedId.data },
      select: { id: true, environment: true, der: true, subjectDn: true, fingerprintSha256: true },
    });
    if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
    // Conditional update: of two administrators retiring at once, only one records it.
    const { count } = await tx.caCertificate.updateMany({ where: { id: row.id, retiredAt: null }, data: { retiredAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", ALREADY_RETIRED);
    await recordEvent(tx, {
      name: "ca_certificate.retired",
      actor: userActor(actor.userId),
      subjectId: row.id,
      request,
      payload: { environment: row.environment, subjectDn: row.subjectDn, fingerprintSha256: row.fingerprintSha256 },
    });
    return { id: row.id, name: certificateName(certificateFacts(new Uint8Array(row.der))), environment: row.environment };
  });
}
