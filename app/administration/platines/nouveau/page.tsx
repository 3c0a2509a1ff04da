import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { testPlanForm } from "@/lib/platines/test-plans.server";
import { ROR_API_LABELS } from "@/lib/services/service-schema";
import { TestPlanForm } from "../test-plan-form";

export const metadata: Metadata = { title: "Créer un plan de tests PLATINES" };

export default async function NewTestPlanPage() {
  const actor = await requirePermission({ type: "platines.managePlans" }, "/administration/platines/nouveau");
  const { profiles } = await testPlanForm(actor, null);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Plans de tests PLATINES", href: "/administration/platines" }, { label: "Nouveau plan" }]} />
      <PageHeading title="Créer un plan de tests PLATINES" />
      <TestPlanForm mode="create" profiles={profiles} apiLabels={ROR_API_LABELS} defaultValues={{ name: "", api: "FHIR", description: "", profileIds: [], cases: "", active: true }} />
    </div>
  );
}
