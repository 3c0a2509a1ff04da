import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePermission } from "@/lib/auth/session.server";
import { ROR_API_KIND_LABELS } from "@/lib/catalogue/ror-api-schema";
import { listRorApis } from "@/lib/catalogue/ror-apis.server";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "API du ROR protégées par la passerelle" };

export default async function RorApisPage({ searchParams }: { searchParams: Promise<{ enregistre?: string; ajoute?: string; retire?: string }> }) {
  const actor = await requirePermission({ type: "catalogue.manage" }, "/administration/api");
  const [apis, params] = await Promise.all([listRorApis(actor), searchParams]);
  const saved = apis.find((a) => a.id === params.enregistre);
  const added = apis.find((a) => a.id === params.ajoute);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "API du ROR" }]} />
      <PageHeading
        title="API du ROR protégées par la passerelle"
        lead="La passerelle aiguille chaque appel selon le préfixe de son chemin et applique le quota de niveau 1 de l'API, tous appelants confondus, puis le quota de niveau 2 du service selon le type de données."
      >
        <ButtonLink href="/administration/api/nouveau">Ajouter une API</ButtonLink>
      </PageHeading>
      {saved ? (
        <Alert variant="success" title={`API « ${saved.name} » enregistrée`} live className="mb-8">
          <p>La configuration de la passerelle l&apos;applique dès sa prochaine génération.</p>
        </Alert>
      ) : null}
      {added ? (
        <Alert variant="success" title={`API « ${added.name} » ajoutée au catalogue`} live className="mb-8">
          <p>La configuration de la passerelle la protège dès sa prochaine génération.</p>
        </Alert>
      ) : null}
      {params.retire ? (
        <Alert variant="success" title="API retirée du catalogue" live className="mb-8">
          <p>La configuration de la passerelle ne la protège plus.</p>
        </Alert>
      ) : null}
      <TableScroll label="Catalogue des API du ROR">
        <table className="w-full border-collapse text-left">
          <caption className="mb-3 text-left font-bold">Catalogue des API du ROR</caption>
          <thead>
            <tr className="border-b-2 border-grey-950 bg-grey-50">
              <th scope="col" className="px-3 py-3">API</th>
              <th scope="col" className="px-3 py-3">Préfixe de chemin</th>
              <th scope="col" className="px-3 py-3">Type de données</th>
              <th scope="col" className="px-3 py-3">Niveau 1 (appels par seconde)</th>
              <th scope="col" className="px-3 py-3">État</th>
              <th scope="col" className="px-3 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {apis.map((api) => (
              <tr key={api.id} className="border-b border-grey-200 align-top">
                <th scope="row" className="px-3 py-3 font-medium">{api.name}</th>
                <td className="px-3 py-3"><code>{api.pathPrefix}</code></td>
                <td className="px-3 py-3">{ROR_API_KIND_LABELS[api.kind]}</td>
                <td className="px-3 py-3">{api.level1PerSecond}</td>
                <td className="px-3 py-3">{api.retiredAt ? `Retirée le ${formatDateTime(api.retiredAt)}` : "Protégée"}</td>
                <td className="px-3 py-3">
                  {api.retiredAt ? null : (
                    <Link href={`/administration/api/${api.id}`}>
                      Modifier<span className="sr-only"> l&apos;API {api.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
