import Link from "next/link";
import { reviewApplicationPath } from "@/lib/paths";
import { formatSiret } from "@/lib/organizations/formatting";
import { formatDateTime } from "@/lib/time";
import { UnreadBadge } from "./UnreadBadge";
import { TableScroll } from "../ui/TableScroll";

export type QueueTableRow = {
  id: string;
  organizationName: string;
  organizationSiret: string;
  serviceName: string;
  kindLabel: string;
  amendmentReasonLabel: string | null;
  statusLabel: string;
  requestedProfileCode: string;
  submissionCount: number;
  submittedAt: Date | null;
  waitingLabel: string;
  assigneeName?: string | null;
  unread?: boolean;
};

/** One page of the reviewer queue. */
export function QueueTable({ rows, caption }: { rows: QueueTableRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="py-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950">
            <th scope="col" className="py-2 pr-4">Organisation</th>
            <th scope="col" className="py-2 pr-4">Service</th>
            <th scope="col" className="py-2 pr-4">Type</th>
            <th scope="col" className="py-2 pr-4">Profil demandé</th>
            <th scope="col" className="py-2 pr-4">Statut</th>
            <th scope="col" className="py-2 pr-4">Dernier dépôt</th>
            <th scope="col" className="py-2 pr-4">Attente</th>
            <th scope="col" className="py-2">Attribué à</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-grey-200 align-top">
              <td className="py-2 pr-4">
                {row.organizationName}
                <br />
                <span className="text-sm text-grey-800 whitespace-nowrap">SIRET {formatSiret(row.organizationSiret)}</span>
              </td>
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={reviewApplicationPath(row.id)} className="font-semibold">
                  {row.serviceName}
                </Link>
                {row.unread ? <UnreadBadge /> : null}
              </th>
              <td className="py-2 pr-4">
                {row.kindLabel}
                {row.amendmentReasonLabel ? <span className="block text-sm text-grey-800">{row.amendmentReasonLabel}</span> : null}
              </td>
              <td className="py-2 pr-4">{row.requestedProfileCode}</td>
              <td className="py-2 pr-4">{row.statusLabel}</td>
              <td className="py-2 pr-4">
                {row.submittedAt ? formatDateTime(row.submittedAt) : "—"}
                <span className="block text-sm text-grey-800">
                  {row.submissionCount} dépôt{row.submissionCount > 1 ? "s" : ""}
                </span>
              </td>
              <td className="py-2 pr-4">{row.waitingLabel}</td>
              <td className="py-2">{row.assigneeName ?? <span className="text-grey-800">Non attribué</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

