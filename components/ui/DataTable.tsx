import { useId, type ReactNode } from "react";
import { TableScroll } from "./TableScroll";

/** A table that scrolls in its own container on narrow screens, with its caption and column headers. */
export function DataTable({ caption, headers, children }: { caption: ReactNode; headers: readonly ReactNode[]; children: ReactNode }) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="w-full border-collapse text-left">
        <caption id={captionId} className="mb-3 text-left font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            {headers.map((header, index) => (
              <th key={index} scope="col" className="px-3 py-3">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
