import Link from "next/link";
import { AttestationStatusBadge } from "./AttestationStatusBadge";

export type AttestationRow = { href: string; clientName: string; clientSiret: string; status: string; statusLabel: string; updatedOn: string };

/** A service's client attestations with their states. */
export function AttestationsTable({ rows, caption }: { rows: readonly AttestationRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-3 py-3">Client</th>
            <th scope="col" className="px-3 py-3">SIRET</th>
            <th scope="col" className="px-3 py-3">État</th>
            <th scope="col" className="px-3 py-3">Dernière modification</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.href} className="border-b border-grey-200 align-top">
              <th scope="row" className="px-3 py-3 font-normal">
                <Link href={row.href} className="font-bold break-words text-primary underline">
                  {row.clientName}
                </Link>
              </th>
              <td className="px-3 py-3 whitespace-nowrap">{row.clientSiret}</td>
              <td className="px-3 py-3">
                <AttestationStatusBadge status={row.status} label={row.statusLabel} />
              </td>
              <td className="px-3 py-3">{row.updatedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
