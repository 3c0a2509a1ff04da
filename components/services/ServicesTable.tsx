import Link from "next/link";
import { DataTable } from "@/components/ui/DataTable";

export type ServiceRow = {
  id: string;
  name: string;
  softwareName: string;
  softwareVersion: string;
  profileLabel: string;
  summary: { done: number; total: number; missing: string[] };
};

/** The services of an organisation: requested profile and how complete each one is. */
export function ServicesTable({ rows, caption }: { rows: readonly ServiceRow[]; caption: string }) {
  return (
    <DataTable caption={caption} headers={["Service", "Logiciel et version", "Profil d'accès demandé", "Complétude"]}>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-grey-200 align-top">
          <th scope="row" className="px-3 py-3 font-normal">
            <Link href={`/editeur/services/${row.id}`} className="font-bold break-words text-primary underline">
              {row.name}
            </Link>
          </th>
          <td className="px-3 py-3 break-words">
            {row.softwareName}, version {row.softwareVersion}
          </td>
          <td className="px-3 py-3">{row.profileLabel}</td>
          <td className="px-3 py-3">
            <p className="font-medium">
              {row.summary.done} sur {row.summary.total} éléments complets
            </p>
            {row.summary.missing.length > 0 ? (
              <p className="mt-1 text-sm text-grey-800">À faire : {row.summary.missing.join(" ; ")}.</p>
            ) : (
              <p className="mt-1 text-sm text-grey-800">Rien à faire à cette étape.</p>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
