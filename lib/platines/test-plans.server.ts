import "server-only";
import { recordEvent } from "../events/record.server";
import { userActor } from "../events/actor";
import { can, type Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { RequestContext } from "../request.server";
import { fieldErrorsOf } from "../validation";
import type { RequiredCase } from "./evaluation";
import { EXAMPLE_TEST_PLANS } from "./example-test-plans";
import { junitSkeleton, junitSkeletonFileName } from "./junit-skeleton";
import { formatRequiredCases, parseRequiredCases, testPlanFormSchema, updateTestPlanSchema, type PlanApi } from "./test-plan-schema";

// The PLATINES test plans that ANS administrators maintain: which API, which access profiles, which required cases.

export const TEST_PLAN_NOT_FOUND = "Ce plan de tests est introuvable.";
const INVALID_FORM = "Le formulaire contient des erreurs.";
const MODIFIED_MEANWHILE =
  "Le plan de tests a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Rechargez la page pour voir sa version à jour, puis recommencez ; rien n'a été enregistré.";
const PROFILE_UNKNOWN = "Un des profils cochés n'existe plus dans le catalogue. Rechargez la page.";

function requireManager(actor: Actor) {
  if (!can(actor, { type: "platines.managePlans" })) throw new AppError("FORBIDDEN", "Seuls les administrateurs ANS gèrent les plans de tests.");
}

const planInclude = {
  profiles: { select: { id: true, code: true, label: true }, orderBy: [{ sortOrder: "asc" as const }, { code: "asc" as const }] },
  cases: { select: { identifier: true, title: true }, orderBy: { position: "asc" as const } },
} satisfies Prisma.PlatinesTestPlanInclude;

export type TestPlanRecord = {
  id: string;
  name: string;
  api: PlanApi;
  description: string;
  isExample: boolean;
  active: boolean;
  version: number;
  updatedAt: Date;
  profiles: { id: string; code: string; label: string }[];
  cases: RequiredCase[];
};

export async function listTestPlans(actor: Actor): Promise<TestPlanRecord[]> {
  requireManager(actor);
  return db().platinesTestPlan.findMany({ include: planInclude, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/** The plan and the catalogue's profiles (all of them: a plan may target a profile not yet offered). */
export async function testPlanForm(actor: Actor, planId: string | null) {
  requireManager(actor);
  const profiles = await db().accessProfile.findMany({ select: { id: true, code: true, label: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  if (planId === null) return { plan: null, profiles };
  const parsed = /^[0-9a-f-]{36}$/i.test(planId) ? planId : null;
  const plan = parsed ? await db().platinesTestPlan.findUnique({ where: { id: parsed }, include: planInclude }) : null;
  if (!plan) throw new AppError("NOT_FOUND", TEST_PLAN_NOT_FOUND);
  return { plan: { ...plan, casesText: formatRequiredCases(plan.cases) }, profiles };
}

async function requireProfiles(tx: Tx, profileIds: readonly string[]): Promise<{ id: string; code: string }[]> {
  const unique = [...new Set(profileIds)];
  const profiles = await tx.accessProfile.findMany({ where: { id: { in: unique } }, select: { id: true, code: true } });
  if (profiles.length !== unique.length) throw new AppError("VALIDATION", INVALID_FORM, { profileIds: PROFILE_UNKNOWN });
  return profiles;
}

function casesOf(text: string): RequiredCase[] {
  const parsed = parseRequiredCases(text);
  if (!parsed.ok) throw new AppError("VALIDATION", INVALID_FORM, { cases: parsed.error });
  return parsed.cases;
}

/** An administrator adds a plan. Audited as `platines_plan.created`. */
export async function createTestPlan(actor: Actor, raw: unknown, request: RequestContext): Promise<{ planId: string }> {
  requireManager(actor);
  const parsed = testPlanFormSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  const data = parsed.data;
  const cases = casesOf(data.cases);
  return db().$transaction(async (tx) => {
    const profiles = await requireProfiles(tx, data.profileIds);
    const plan = await tx.platinesTestPlan.create({
      data: {
        name: data.name,
        api: data.api,
        description: data.description,
        active: data.active,
        profiles: { connect: profiles.map((p) => ({ id: p.id })) },
        cases: { create: cases.map((c, position) => ({ ...c, position })) },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      name: "platines_plan.created",
      actor: userActor(actor.userId),
      subjectId: plan.id,
      request,
      payload: { name: data.name, api: data.api, active: data.active, profiles: profiles.map((p) => p.code).sort(), cases: cases.map((c) => c.identifier) },
    });
    return { planId: plan.id };
  });
}

/**
 * An administrator changes a plan (or deactivates it). Refused when someone else changed it since the form was
 * shown. Audited as `platines_plan.updated` with the values before and after. Earlier submissions are kept and
 * evaluated against the plan's new required cases.
 */
export async function updateTestPlan(actor: Actor, planId: string, raw: unknown, request: RequestContext): Promise<{ planId: string }> {
  requireManager(actor);
  const parsed = updateTestPlanSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", INVALID_FORM, fieldErrorsOf(parsed.error));
  const data = parsed.data;
  const cases = casesOf(data.cases);
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw new AppError("NOT_FOUND", TEST_PLAN_NOT_FOUND);
  return db().$transaction(async (tx) => {
    const before = await tx.platinesTestPlan.findUnique({ where: { id: planId }, include: planInclude });
    if (!before) throw new AppError("NOT_FOUND", TEST_PLAN_NOT_FOUND);
    const profiles = await requireProfiles(tx, data.profileIds);
    const updated = await tx.platinesTestPlan.updateMany({
      where: { id: planId, version: data.version },
      data: { name: data.name, api: data.api, description: data.description, active: data.active, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", MODIFIED_MEANWHILE);
    await tx.platinesTestPlan.update({ where: { id: planId }, data: { profiles: { set: profiles.map((p) => ({ id: p.id })) } } });
    await tx.platinesRequiredCase.deleteMany({ where: { planId } });
    await tx.platinesRequiredCase.createMany({ data: cases.map((c, position) => ({ ...c, position, planId })) });
    const values = (plan: { name: string; api: string; description: string; active: boolean; profiles: readonly { code: string }[]; cases: readonly RequiredCase[] }) => ({
      name: plan.name,
      api: plan.api,
      description: plan.description,
      active: plan.active,
      profiles: plan.profiles.map((p) => p.code).sort(),
      cases: plan.cases.map((c) => `${c.identifier} — ${c.title}`),
    });
    await recordEvent(tx, {
      name: "platines_plan.updated",
      actor: userActor(actor.userId),
      subjectId: planId,
      request,
      payload: { before: values(before), after: values({ ...data, profiles, cases }), version: data.version + 1 },
    });
    return { planId };
  });
}

/**
 * Reference data: the example plans, for the profiles that require a certificate. Inserted when missing, never
 * overwritten (ANS edits or deactivates them). Run after the access profiles are seeded.
 */
export async function seedExampleTestPlans(client: PrismaClient): Promise<void> {
  const profiles = await client.accessProfile.findMany({ where: { requiresCertificate: true }, select: { id: true } });
  for (const example of EXAMPLE_TEST_PLANS) {
    const existing = await client.platinesTestPlan.findUnique({ where: { seedKey: example.seedKey }, select: { id: true } });
    if (existing) continue;
    await client.platinesTestPlan.create({
      data: {
        seedKey: example.seedKey,
        name: example.name,
        api: example.api,
        description: example.description,
        isExample: true,
        profiles: { connect: profiles },
        cases: { create: example.cases.map((c, position) => ({ ...c, position })) },
      },
    });
  }
}

/**
 * The JUnit skeleton of an active plan (lib/platines/junit-skeleton.ts), for editors preparing their PLATINES session
 * and for ANS. Plans are not secret, but only people of the portal read them; a missing or inactive plan is not found.
 */
export async function testPlanSkeleton(actor: Actor, planId: unknown): Promise<{ fileName: string; xml: string }> {
  if (!can(actor, { type: "editorSpace.view" }) && !can(actor, { type: "platines.validate" })) throw new AppError("NOT_FOUND", TEST_PLAN_NOT_FOUND);
  const id = typeof planId === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(planId) ? planId : null;
  const plan = id ? await db().platinesTestPlan.findFirst({ where: { id, active: true }, include: planInclude }) : null;
  if (!plan) throw new AppError("NOT_FOUND", TEST_PLAN_NOT_FOUND);
  return { fileName: junitSkeletonFileName(plan.name), xml: junitSkeleton(plan) };
}
