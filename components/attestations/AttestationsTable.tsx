import Link from "next/link";
import { AttestationStatusBadge } from "./AttestationStatusBadge";
import { DataTable } from "@/components/ui/DataTable";

export type AttestationRow = { href: string; clientName: string; clientSiret: string; status: string; statusLabel: string; updatedOn: string };

/** A service's client attestations with their states. */
export function AttestationsTable({ rows, caption }: { rows: readonly AttestationRow[]; caption: string }) {
  return (
    <DataTable caption={caption} headers={["Client", "SIRET", "État", "Dernière modification"]}>
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
    </DataTable>
  );
}
