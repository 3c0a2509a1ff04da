import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDateTime } from "@/lib/time";
import { readLevel1Quota } from "@/lib/whitelist/entries.server";
import { Level1Form } from "./level1-form";

export const metadata: Metadata = { title: "Quota de niveau 1" };

export default async function QuotasPage({ searchParams }: { searchParams: Promise<{ enregistre?: string }> }) {
  await requirePermission({ type: "level1Quota.manage" }, "/administration/quotas");
  const level1 = await readLevel1Quota();
  const { enregistre } = await searchParams;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Quota de niveau 1" }]} />
      <PageHeading
        title="Quota de niveau 1"
        lead="Le nombre d'appels par seconde que la passerelle accepte sur chaque API du ROR, tous services confondus. Les quotas de niveau 2, par service, se règlent sur chaque habilitation de la liste blanche. Chaque API du catalogue peut avoir son propre quota de niveau 1, qui prime sur celui-ci dans la configuration de la passerelle."
      />
      {enregistre ? (
        <Alert variant="success" title="Quota enregistré" live>
          La liste blanche et la configuration de la passerelle l&apos;appliquent dès maintenant.
        </Alert>
      ) : null}
      <p className="my-6">
        Valeur actuelle : <strong>{level1.perApiPerSecond} appels par seconde</strong>
        {level1.updatedAt ? `, modifiée le ${formatDateTime(level1.updatedAt)}` : ""}.
      </p>
      <p className="my-6">
        <Link href="/administration/api">Gérer les API du ROR et leur quota de niveau 1</Link>
      </p>
      <Level1Form perApiPerSecond={level1.perApiPerSecond} version={level1.version} />
    </div>
  );
}
