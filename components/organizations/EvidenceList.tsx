import { EVIDENCE_KIND_LABELS } from "@/lib/organizations/evidence-rules";
import { formatDate, formatDateTime } from "@/lib/time";
import { formatBytes } from "@/lib/uploads/upload-rules";

export type EvidenceRow = {
  evidenceId: string;
  kind: keyof typeof EVIDENCE_KIND_LABELS;
  documentDate: Date;
  uploadedAt: Date;
  uploadedByName: string;
  fileName: string;
  size: number;
  sha256: string;
};

/** The PDFs an organisation uploaded for ANS's verification, newest first, each opened in the browser. */
export function EvidenceList({ evidence }: { evidence: EvidenceRow[] }) {
  if (evidence.length === 0) return <p className="text-grey-600">Aucun justificatif déposé.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Justificatifs déposés, du plus récent au plus ancien</caption>
        <thead>
          <tr className="border-b-2 border-grey-800">
            <th scope="col" className="py-2 pr-4">Document</th>
            <th scope="col" className="py-2 pr-4">Date du document (déclarée)</th>
            <th scope="col" className="py-2 pr-4">Déposé</th>
            <th scope="col" className="py-2">Fichier</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((e) => (
            <tr key={e.evidenceId} className="border-b border-grey-200 align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                {EVIDENCE_KIND_LABELS[e.kind]}
              </th>
              <td className="py-3 pr-4">{formatDate(e.documentDate)}</td>
              <td className="py-3 pr-4">
                le {formatDateTime(e.uploadedAt)} par {e.uploadedByName}
              </td>
              <td className="break-all py-3">
                <a href={`/api/organisations/justificatifs/${e.evidenceId}`} target="_blank" rel="noopener">
                  {e.fileName}
                  <span className="sr-only"> (PDF, s&apos;ouvre dans un nouvel onglet)</span>
                </a>{" "}
                <span className="text-sm text-grey-600">({formatBytes(e.size)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
