import Link from "next/link";

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
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-3 py-3">Service</th>
            <th scope="col" className="px-3 py-3">Logiciel et version</th>
            <th scope="col" className="px-3 py-3">Profil d&apos;accès demandé</th>
            <th scope="col" className="px-3 py-3">Complétude</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
