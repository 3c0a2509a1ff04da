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
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-3 py-3">Titulaire (DN du sujet)</th>
            <th scope="col" className="px-3 py-3">Numéro de série</th>
            <th scope="col" className="px-3 py-3">Validité</th>
            <th scope="col" className="px-3 py-3">Déposé le</th>
            <th scope="col" className="px-3 py-3">Statut</th>
            <th scope="col" className="px-3 py-3">Contrôles</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-grey-200 align-top">
              <th scope="row" className="px-3 py-3 font-normal break-all">
                {row.subjectDn}
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
        </tbody>
      </table>
    </div>
  );
}
