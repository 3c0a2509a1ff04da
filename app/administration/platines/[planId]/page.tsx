import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ExampleBadge } from "@/components/platines/ExampleBadge";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { testPlanForm } from "@/lib/platines/test-plans.server";
import { ROR_API_LABELS } from "@/lib/services/service-schema";
import { TestPlanForm } from "../test-plan-form";

export const metadata: Metadata = { title: "Modifier un plan de tests PLATINES" };

export default async function EditTestPlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const actor = await requirePermission({ type: "platines.managePlans" }, `/administration/platines/${encodeURIComponent(planId)}`);
  const { plan, profiles } = await testPlanForm(actor, planId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!plan) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Plans de tests PLATINES", href: "/administration/platines" }, { label: plan.name }]} />
      <PageHeading title={`Modifier le plan « ${plan.name} »`} lead="Les résultats déjà déposés sont réévalués selon les cas requis enregistrés ici.">
        {plan.isExample && <ExampleBadge />}
      </PageHeading>
      <TestPlanForm
        mode="edit"
        planId={plan.id}
        profiles={profiles}
        apiLabels={ROR_API_LABELS}
        defaultValues={{
          name: plan.name,
          api: plan.api,
          description: plan.description,
          profileIds: plan.profiles.map((p) => p.id),
          cases: plan.casesText,
          active: plan.active,
          version: plan.version,
        }}
      />
    </div>
  );
}
