import type { ReactNode } from "react";
import { CA_KIND_LABELS, daysLeftLabel } from "@/lib/certificates/ca-bundle-messages";
import { formatDate, formatDateTime } from "@/lib/time";
import { TableScroll } from "../ui/TableScroll";

export type CaBundleRow = {
  id: string;
  name: string;
  subjectDn: string;
  issuerDn: string;
  fingerprintSha256: string;
  serialNumber: string;
  kind: "root" | "intermediate";
  notBefore: Date;
  notAfter: Date;
  validity: { state: "valid" | "expired" | "notYetValid"; daysLeft: number };
  retiredAt: Date | null;
  createdAt: Date;
  addedBy: string | null;
  /** Serial, validity and fingerprint when another authority of the list bears the same name; null otherwise. */
  distinction: string | null;
};

function ValidityCell({ row }: { row: CaBundleRow }) {
  const period = `Du ${formatDate(row.notBefore)} au ${formatDate(row.notAfter)}`;
  if (row.validity.state === "expired") {
    return (
      <>
        <span className="block">{period}</span>
        <strong className="block text-error">Expirée depuis le {formatDate(row.notAfter)}</strong>
      </>
    );
  }
  if (row.validity.state === "notYetValid") {
    return (
      <>
        <span className="block">{period}</span>
        <strong className="block">Pas encore valide (à partir du {formatDateTime(row.notBefore)})</strong>
      </>
    );
  }
  return (
    <>
      <span className="block">{period}</span>
      <span className="block text-sm text-grey-800">{daysLeftLabel(row.validity.daysLeft)}</span>
    </>
  );
}

/**
 * The CA certificates of one environment's bundle with their facts, retired ones included (they stay listed,
 * never deleted). `action` renders the control of a row that is still active (the "Retirer" button).
 */
export function CaBundleTable({
  caption,
  rows,
  action,
}: {
  caption: string;
  rows: readonly CaBundleRow[];
  action?: (row: CaBundleRow) => ReactNode;
}) {
  if (rows.length === 0) {
    return <p className="mt-4 text-grey-800">Aucune autorité de certification : aucun certificat client de cet environnement ne peut être vérifié.</p>;
  }
  return (
    <TableScroll label={caption} className="mt-4">
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-3 py-3">Autorité</th>
            <th scope="col" className="px-3 py-3">Certificat</th>
            <th scope="col" className="px-3 py-3">Type</th>
            <th scope="col" className="px-3 py-3">Empreinte SHA-256</th>
            <th scope="col" className="px-3 py-3">Validité</th>
            <th scope="col" className="px-3 py-3">Ajout</th>
            <th scope="col" className="px-3 py-3">État</th>
            <th scope="col" className="px-3 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.retiredAt ? "border-b border-grey-200 align-top text-grey-800" : "border-b border-grey-200 align-top"}>
              <th scope="row" className="px-3 py-3 font-bold">
                {row.name}
                {row.distinction ? <span className="mt-1 block text-sm font-normal text-grey-800">Homonyme : {row.distinction}</span> : null}
              </th>
              <td className="min-w-64 px-3 py-3 text-sm">
                <span className="block break-words">
                  <span className="font-medium">Sujet :</span> {row.subjectDn}
                </span>
                <span className="mt-1 block break-words">
                  <span className="font-medium">Émetteur :</span> {row.issuerDn}
                </span>
                <span className="mt-1 block break-all">
                  <span className="font-medium">Numéro de série :</span> {row.serialNumber}
                </span>
              </td>
              <td className="px-3 py-3">{CA_KIND_LABELS[row.kind]}</td>
              <td className="max-w-48 px-3 py-3 font-mono text-xs break-all">{row.fingerprintSha256}</td>
              <td className="px-3 py-3">
                <ValidityCell row={row} />
              </td>
              <td className="px-3 py-3">
                <span className="block">{row.addedBy ?? "Chargée à l'installation"}</span>
                <span className="block text-sm text-grey-800">le {formatDateTime(row.createdAt)}</span>
              </td>
              <td className="px-3 py-3">{row.retiredAt ? `Retirée le ${formatDateTime(row.retiredAt)}` : "Active"}</td>
              <td className="px-3 py-3">{!row.retiredAt && action ? action(row) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
