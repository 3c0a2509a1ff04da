import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { TableScroll } from "@/components/ui/TableScroll";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDateTime } from "@/lib/time";
import { listImports } from "@/lib/trust-space-import/report.server";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Reprise de l'espace de confiance existant" };

const COLUMNS: { name: string; role: string }[] = [
  { name: "siret", role: "SIRET de l'organisation (14 chiffres, clé de contrôle vérifiée)" },
  { name: "raison_sociale", role: "raison sociale de l'organisation" },
  { name: "service", role: "nom du service numérique" },
  { name: "environnement", role: "TEST ou PRODUCTION" },
  { name: "url", role: "URL https:// du service" },
  { name: "certificat_pem", role: "certificat client du service au format PEM (entre guillemets) ; vide pour un profil sans certificat" },
  { name: "profil", role: "code du profil d'accès du catalogue (par exemple 2)" },
  { name: "quota_authentifie", role: "appels par seconde sur les API authentifiées ; vide pour la valeur du profil" },
  { name: "quota_public", role: "appels par seconde sur les API publiques ; vide pour la valeur du profil" },
];

export default async function TrustSpaceImportPage() {
  const actor = await requirePermission({ type: "trustSpace.import" }, "/administration/reprise");
  const imports = await listImports(actor);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Reprise de l'existant" }]} />
      <PageHeading
        title="Reprise de l'espace de confiance existant"
        lead="Importez la liste blanche de la passerelle actuelle : chaque ligne devient une organisation vérifiée, un service et une habilitation marqués « reprise de l'existant ». Les lignes refusées sont listées avec leur motif ; importer de nouveau le même fichier ne change rien."
      />
      <section aria-labelledby="format">
        <h2 id="format" className="text-2xl font-bold">Format du fichier</h2>
        <p className="mt-2">Un fichier CSV en UTF-8 dont la première ligne nomme les colonnes suivantes :</p>
        <dl className="mt-4 grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
          {COLUMNS.map((column) => (
            <div key={column.name} className="contents">
              <dt className="font-mono font-bold">{column.name}</dt>
              <dd>{column.role}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="importer" className="mt-10">
        <h2 id="importer" className="text-2xl font-bold">Importer</h2>
        <ImportForm />
      </section>
      <section aria-labelledby="imports" className="mt-10">
        <h2 id="imports" className="text-2xl font-bold">Imports précédents</h2>
        {imports.length === 0 ? (
          <p className="mt-2">Aucun import pour l&apos;instant.</p>
        ) : (
          <TableScroll label="Imports précédents" className="mt-4">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Imports précédents</caption>
              <thead>
                <tr className="border-b border-grey-300">
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">Fichier</th>
                  <th scope="col" className="py-2 pr-4">Reprises</th>
                  <th scope="col" className="py-2 pr-4">Déjà reprises</th>
                  <th scope="col" className="py-2">Refusées</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} className="border-b border-grey-200">
                    <td className="py-2 pr-4">
                      <Link href={`/administration/reprise/${i.id}`}>{formatDateTime(i.createdAt)}</Link>
                    </td>
                    <td className="py-2 pr-4 break-all">{i.fileName}</td>
                    <td className="py-2 pr-4">{i.imported}</td>
                    <td className="py-2 pr-4">{i.unchanged}</td>
                    <td className="py-2">{i.rejected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
