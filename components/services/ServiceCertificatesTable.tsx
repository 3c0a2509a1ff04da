import { DataTable } from "@/components/ui/DataTable";
import { LongText } from "../ui/LongText";
export type ServiceCertificateRow = {
  id: string;
  subjectDn: string;
  serialNumber: string;
  validFrom: string;
  validUntil: string;
  uploadedOn: string;
  statusLabel: string;
  verdictLabel: string;
};

/** The certificates of one environment of a service, newest upload first, with status and overall verdict. */
export function ServiceCertificatesTable({ rows, caption }: { rows: readonly ServiceCertificateRow[]; caption: string }) {
  return (
    <DataTable caption={caption} headers={["Titulaire (DN du sujet)", "Numéro de série", "Validité", "Déposé le", "Statut", "Contrôles"]}>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-grey-200 align-top">
          <th scope="row" className="min-w-48 px-3 py-3 font-normal">
            <LongText text={row.subjectDn} />
          </th>
          <td className="px-3 py-3 font-mono text-sm break-all">{row.serialNumber}</td>
          <td className="px-3 py-3">
            du {row.validFrom} au {row.validUntil}
          </td>
          <td className="px-3 py-3">{row.uploadedOn}</td>
          <td className="px-3 py-3 font-medium">{row.statusLabel}</td>
          <td className="px-3 py-3">{row.verdictLabel}</td>
        </tr>
      ))}
    </DataTable>
  );
}
