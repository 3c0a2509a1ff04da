import { useId, type ReactNode } from "react";
import { formatDateTime } from "@/lib/time";
import { TableScroll } from "../ui/TableScroll";

export type JournalRow = {
  id: string;
  occurredAt: Date;
  label: string;
  actor: { name: string; email: string } | null;
  organizationName: string | null;
  ip: string | null;
};

/** Events of the journal, most recent first: when, what, who (with their address), for which organisation, from where. */
export function EventJournalTable({ caption, events, captionHidden = false }: { caption: ReactNode; events: readonly JournalRow[]; captionHidden?: boolean }) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="mt-4 w-full border-collapse text-left">
        <caption id={captionId} className={captionHidden ? "sr-only" : "py-2 text-left font-semibold"}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950">
            <th scope="col" className="py-2 pr-4">Date</th>
            <th scope="col" className="py-2 pr-4">Événement</th>
            <th scope="col" className="py-2 pr-4">Auteur</th>
            <th scope="col" className="py-2 pr-4">Organisation</th>
            <th scope="col" className="py-2">Adresse IP</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-grey-200 align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(e.occurredAt)}</td>
              <td className="py-2 pr-4">{e.label}</td>
              <td className="py-2 pr-4">
                {e.actor ? (
                  <>
                    {e.actor.name}
                    <span className="block break-all text-sm text-grey-800">{e.actor.email}</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-2 pr-4">{e.organizationName ?? "—"}</td>
              <td className="py-2">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
