import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ExampleBadge } from "@/components/platines/ExampleBadge";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { requirePermission } from "@/lib/auth/session.server";
import { listTestPlans } from "@/lib/platines/test-plans.server";
import { ROR_API_LABELS } from "@/lib/services/service-schema";
import { formatDateTime } from "@/lib/time";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Plans de tests PLATINES" };

export default async function TestPlansPage({ searchParams }: { searchParams: Promise<{ enregistre?: string; ajoute?: string }> }) {
  const actor = await requirePermission({ type: "platines.managePlans" }, "/administration/platines");
  const [plans, params] = await Promise.all([listTestPlans(actor), searchParams]);
  const saved = plans.find((p) => p.id === params.enregistre);
  const added = plans.find((p) => p.id === params.ajoute);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Plans de tests PLATINES" }]} />
      <PageHeading
        title="Plans de tests PLATINES"
        lead="Les séries de tests que les éditeurs exécutent sur PLATINES avant l'adhésion, par API et par profil d'accès. Un plan est satisfait par une session d'homologation dont tous les cas requis réussissent."
      >
        <ButtonLink href="/administration/platines/nouveau">Créer un plan de tests</ButtonLink>
      </PageHeading>
      {saved && <Alert variant="success" title={`Plan « ${saved.name} » enregistré`} live className="mb-8" />}
      {added && <Alert variant="success" title={`Plan « ${added.name} » créé`} live className="mb-8" />}
      {plans.some((p) => p.isExample && p.active) && (
        <Alert variant="warning" title="Des plans d'exemple sont actifs" className="mb-8">
          Les plans marqués « Exemple » ont été installés avec le portail pour le faire fonctionner de bout en bout. Remplacez-les par la liste officielle de l&apos;ANS : créez les plans officiels, puis désactivez les exemples.
        </Alert>
      )}
      <TableScroll label="Plans de tests PLATINES, les plans actifs d'abord">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Plans de tests PLATINES, les plans actifs d&apos;abord</caption>
          <thead>
            <tr className="border-b-2 border-grey-800">
              <th scope="col" className="py-2 pr-4">Plan</th>
              <th scope="col" className="py-2 pr-4">API</th>
              <th scope="col" className="py-2 pr-4">Profils</th>
              <th scope="col" className="py-2 pr-4">Cas requis</th>
              <th scope="col" className="py-2 pr-4">État</th>
              <th scope="col" className="py-2">Modifié le</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id} className="border-b border-grey-200 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/administration/platines/${plan.id}`} className="font-medium text-primary underline">
                    {plan.name}
                  </Link>
                  {plan.isExample && (
                    <span className="mt-1 block">
                      <ExampleBadge />
                    </span>
                  )}
                </th>
                <td className="py-2 pr-4">{ROR_API_LABELS[plan.api]}</td>
                <td className="py-2 pr-4">{plan.profiles.map((p) => p.code).join(", ") || "—"}</td>
                <td className="py-2 pr-4">{plan.cases.length}</td>
                <td className="py-2 pr-4">{plan.active ? "Actif" : "Désactivé"}</td>
                <td className="py-2 whitespace-nowrap">{formatDateTime(plan.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
