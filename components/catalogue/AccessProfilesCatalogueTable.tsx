import Link from "next/link";
import { TableScroll } from "../ui/TableScroll";

export type CatalogueRow = {
  id: string;
  code: string;
  label: string;
  description: string;
  requiresCertificate: boolean;
  authenticatedPerSecond: number;
  publicPerSecond: number;
  active: boolean;
};

/** The catalogue of access profiles as ANS administrators see it, with a link to edit each profile. */
export function AccessProfilesCatalogueTable({ rows, editPath }: { rows: readonly CatalogueRow[]; editPath: (id: string) => string }) {
  return (
    <TableScroll label="Catalogue des profils d'accès, dans l'ordre proposé aux éditeurs">
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold">Catalogue des profils d&apos;accès, dans l&apos;ordre proposé aux éditeurs</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-3 py-3">Code</th>
            <th scope="col" className="px-3 py-3">Profil</th>
            <th scope="col" className="px-3 py-3">Certificat requis</th>
            <th scope="col" className="px-3 py-3">
              Quotas par défaut (appels par seconde)
            </th>
            <th scope="col" className="px-3 py-3">État</th>
            <th scope="col" className="px-3 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-grey-200 align-top">
              <th scope="row" className="px-3 py-3 font-bold whitespace-nowrap">
                {row.code}
              </th>
              <td className="px-3 py-3">
                <p className="font-medium">{row.label}</p>
                <p className="mt-1 text-sm text-grey-800">{row.description}</p>
              </td>
              <td className="px-3 py-3">{row.requiresCertificate ? "Oui" : "Non"}</td>
              <td className="px-3 py-3 whitespace-nowrap">
                <span className="block">API authentifiée : {row.authenticatedPerSecond}</span>
                <span className="block">API publique : {row.publicPerSecond}</span>
              </td>
              <td className="px-3 py-3">{row.active ? "Actif" : "Désactivé"}</td>
              <td className="px-3 py-3 whitespace-nowrap">
                <Link href={editPath(row.id)}>
                  Modifier<span className="sr-only"> le profil {row.code}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
