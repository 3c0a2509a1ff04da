import type { ColumnKind } from "@/lib/statistics/report";
import { monthLabel } from "@/lib/statistics/calendar";

const integer = new Intl.NumberFormat("fr-FR");
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

function cell(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return "—";
  if (kind === "month" && typeof value === "string") return monthLabel(value);
  if (typeof value === "number") return kind === "days" ? decimal.format(value) : integer.format(value);
  return value;
}

/** The data of a chart, as a table (the first column names each row). */
export function DatasetTable({ caption, columns, rows }: { caption: string; columns: readonly { label: string; kind: ColumnKind }[]; rows: readonly (readonly (string | number | null)[])[] }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="py-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`py-2 pr-4 ${i > 0 ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-grey-200">
              {row.map((value, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-2 pr-4 font-normal">
                    {cell(value, columns[i]!.kind)}
                  </th>
                ) : (
                  <td key={i} className="py-2 pr-4 text-right tabular-nums">
                    {cell(value, columns[i]!.kind)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
