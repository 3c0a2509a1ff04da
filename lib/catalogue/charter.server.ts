import "server-only";
import { recordEvent } from "../events/record.server";
import { portalLink } from "../portal-link.server";
import { charterVersionMail } from "./charter-mail";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { queueMail } from "../mail/outbox.server";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import { acceptCharterSchema, publishCharterSchema } from "./charter-schema";

export type CharterVersionSummary = { id: string; version: string; title: string; publishedAt: Date };

export type CharterStatus = {
  /** The latest published version; null only when no version was ever published. */
  currentVersion: CharterVersionSummary | null;
  /** True when the organisation accepted the current version (or when there is nothing to accept). */
  acceptedCurrent: boolean;
  acceptance?: { by: { userId: string; name: string }; at: Date };
};

const summarySelect = { id: true, version: true, title: true, publishedAt: true } as const;

function asSummary(row: { id: string; version: string; title: string; publishedAt: Date | null }): CharterVersionSummary {
  return { id: row.id, version: row.version, title: row.title, publishedAt: row.publishedAt ?? new Date(0) };
}

async function currentVersionIn(client: Tx | ReturnType<typeof db>): Promise<CharterVersionSummary | null> {
  const row = await client.charterVersion.findFirst({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: summarySelect,
  });
  return row ? asSummary(row) : null;
}

/** The latest published version, without its text. */
export async function currentCharterVersion(): Promise<CharterVersionSummary | null> {
  return currentVersionIn(db());
}

/** A published version with its text: the current one, or the one named (null when unknown). Public. */
export async function publishedCharter(version?: string) {
  const where = version ? { version, publishedAt: { not: null } } : { publishedAt: { not: null } };
  const row = await db().charterVersion.findFirst({
    where,
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: { ...summarySelect, body: true },
  });
  if (!row) return null;
  const current = version ? await currentCharterVersion() : asSummary(row);
  return { ...asSummary(row), body: row.body, isCurrent: current?.id === row.id };
}

/** Every published version, newest first. Public. */
export async function publishedCharterVersions(): Promise<CharterVersionSummary[]> {
  const rows = await db().charterVersion.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: summarySelect,
  });
  return rows.map(asSummary);
}

/**
 * Has this organisation accepted the current version of the charter? Other use cases call it to block
 * submissions until it has; inside a transaction, pass its client. Server-side only: callers check their own
 * permissions first.
 */
export async function charterStatusOf(organizationId: string, client: Tx | ReturnType<typeof db> = db()): Promise<CharterStatus> {
  const currentVersion = await currentVersionIn(client);
  if (!currentVersion) return { currentVersion: null, acceptedCurrent: true };
  const acceptance = await client.charterAcceptance.findFirst({
    where: { organizationId, charterVersionId: currentVersion.id },
    orderBy: { acceptedAt: "asc" },
    select: { acceptedAt: true, user: { select: { id: true, name: true } } },
  });
  if (!acceptance) return { currentVersion, acceptedCurrent: false };
  return {
    currentVersion,
    acceptedCurrent: true,
    acceptance: { by: { userId: acceptance.user.id, name: acceptance.user.name }, at: acceptance.acceptedAt },
  };
}

export type CharterNotice = {
  organizationId: string;
  legalName: string;
  version: string;
  canAccept: boolean;
  legalRepresentatives: string[];
};

/** For the editor space banner: the actor's organisations that have not accepted the current version. */
export async function pendingCharterNotices(actor: Actor): Promise<CharterNotice[]> {
  const organizationIds = actor.memberships
    .map((m) => m.organizationId)
    .filter((organizationId) => can(actor, { type: "organization.read", organizationId }));
  if (organizationIds.length === 0) return [];
  const current = await currentCharterVersion();
  if (!current) return [];
  const organizations = await db().organization.findMany({
    where: { id: { in: organizationIds }, charterAcceptances: { none: { charterVersionId: current.id } } },
    orderBy: { legalName: "asc" },
    select: {
      id: true,
      legalName: true,
      memberships: {
        where: { isLegalRepresentative: true },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { name: true } } },
      },
    },
  });
  return organizations.map((o) => ({
    organizationId: o.id,
    legalName: o.legalName,
    version: current.version,
    canAccept: can(actor, { type: "charter.accept", organizationId: o.id }),
    legalRepresentatives: o.memberships.map((m) => m.user.name),
  }));
}

/** The acceptance page of one organisation: the current text, who accepted it, who may. */
export async function charterAcceptancePage(actor: Actor, organizationId: string) {
  if (!can(actor, { type: "organization.read", organizationId })) {
    throw new AppError("FORBIDDEN", "Accès refusé à cette organisation.");
  }
  const [organization, charter, status] = await Promise.all([
    db().organization.findUnique({
      where: { id: organizationId },
      select: {
        id: true,
        legalName: true,
        memberships: {
          where: { isLegalRepresentative: true },
          orderBy: { createdAt: "asc" },
          select: { user: { select: { name: true, email: true } } },
        },
      },
    }),
    publishedCharter(),
    charterStatusOf(organizationId),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", "Organisation introuvable.");
  return {
    organization: { id: organization.id, legalName: organization.legalName },
    legalRepresentatives: organization.memberships.map((m) => m.user),
    charter,
    status,
    canAccept: can(actor, { type: "charter.accept", organizationId }),
  };
}

/**
 * A legal representative accepts the current version for their organisation: who, when, which version,
 * from which IP and browser, and an audit event, in one transaction. Accepting again changes nothing.
 */
export async function acceptCharter(
  actor: Actor,
  raw: unknown,
  request: RequestContext,
): Promise<{ acceptanceId: string; organizationId: string; alreadyAccepted: boolean }> {
  const organizationId = typeof raw === "object" && raw !== null ? (raw as { organizationId?: unknown }).organizationId : undefined;
  if (typeof organizationId !== "string" || !can(actor, { type: "charter.accept", organizationId })) {
    throw new AppError("FORBIDDEN", "Seul un représentant légal de l'organisation peut accepter la charte.");
  }
  const parsed = acceptCharterSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const input = parsed.data;

  try {
    return await db().$transaction(async (tx) => {
      // One acceptance at a time per organisation: two legal representatives clicking together record one.
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${input.organizationId}::uuid FOR UPDATE`;
      const current = await currentVersionIn(tx);
      if (!current) throw new AppError("NOT_FOUND", "Aucune version de la charte n'est publiée.");
      if (current.version !== input.version) {
        throw new AppError(
          "CONFLICT",
          `Une nouvelle version de la charte (version ${current.version}) a été publiée entre-temps. Relisez-la avant de l'accepter.`,
        );
      }
      const existing = await tx.charterAcceptance.findFirst({
        where: { organizationId: input.organizationId, charterVersionId: current.id },
        select: { id: true },
      });
      if (existing) return { acceptanceId: existing.id, organizationId: input.organizationId, alreadyAccepted: true };
      const acceptance = await tx.charterAcceptance.create({
        data: {
          organizationId: input.organizationId,
          charterVersionId: current.id,
          userId: actor.userId,
          ip: request.ip,
          userAgent: request.userAgent.slice(0, 500),
        },
      });
      await recordEvent(tx, {
        name: "charter.accepted",
        actor: userActor(actor.userId),
        organizationId: input.organizationId,
        subjectId: current.id,
        request,
        payload: { version: current.version, acceptanceId: acceptance.id },
      });
      return { acceptanceId: acceptance.id, organizationId: input.organizationId, alreadyAccepted: false };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("NOT_FOUND", "Organisation introuvable.");
    }
    throw error;
  }
}

/**
 * An ANS administrator publishes a new version. In one transaction: the version, an audit event, and one
 * e-mail per legal representative of every organisation. From then on every organisation must accept it.
 */
export async function publishCharterVersion(
  actor: Actor,
  raw: unknown,
  request: RequestContext,
): Promise<{ charterVersionId: string; mailsQueued: number }> {
  if (!can(actor, { type: "charter.publish" })) {
    throw new AppError("FORBIDDEN", "Seul un administrateur ANS peut publier une version de la charte.");
  }
  const parsed = publishCharterSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const versionTaken = () =>
    new AppError("CONFLICT", "Le formulaire contient des erreurs.", {
      version: `La version ${input.version} existe déjà. Choisissez un autre numéro de version.`,
    });

  try {
    return await db().$transaction(async (tx) => {
      if (await tx.charterVersion.findUnique({ where: { version: input.version }, select: { id: true } })) {
        throw versionTaken();
      }
      const created = await tx.charterVersion.create({
        data: { version: input.version, title: input.title, body: input.body, publishedAt: new Date(), publishedById: actor.userId },
      });
      await recordEvent(tx, {
        name: "charter.published",
        actor: userActor(actor.userId),
        subjectId: created.id,
        request,
        payload: { version: input.version, title: input.title, bodyLength: input.body.length },
      });
      const memberships = await tx.membership.findMany({
        where: { isLegalRepresentative: true, user: { status: "ACTIVE" } },
        orderBy: [{ organization: { legalName: "asc" } }],
        select: { user: { select: { id: true, email: true, name: true } }, organization: { select: { legalName: true } } },
      });
      const byUser = new Map<string, { email: string; name: string; organizations: string[] }>();
      for (const m of memberships) {
        const entry = byUser.get(m.user.id) ?? { email: m.user.email, name: m.user.name, organizations: [] };
        entry.organizations.push(m.organization.legalName);
        byUser.set(m.user.id, entry);
      }
      const mails = [...byUser.values()].map((u) => ({ to: u.email, ...charterVersionMail({ name: u.name, organizations: u.organizations, version: input.version, title: input.title, link: portalLink("/editeur/charte") }) }));
      await queueMail(tx, mails);
      return { charterVersionId: created.id, mailsQueued: mails.length };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw versionTaken();
    throw error;
  }
}

/** The administration page: every version, newest first, with who published it. */
export async function charterAdministration(actor: Actor) {
  if (!can(actor, { type: "charter.publish" })) {
    throw new AppError("FORBIDDEN", "Accès réservé aux administrateurs ANS.");
  }
  const versions = await db().charterVersion.findMany({
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { ...summarySelect, publishedById: true, _count: { select: { acceptances: true } } },
  });
  const publisherIds = versions.map((v) => v.publishedById).filter((id): id is string => id !== null);
  const publishers = await db().user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true } });
  const nameOf = new Map(publishers.map((p) => [p.id, p.name]));
  return versions.map((v) => ({
    ...asSummary(v),
    publishedBy: v.publishedById ? (nameOf.get(v.publishedById) ?? null) : null,
    acceptances: v._count.acceptances,
  }));
}
