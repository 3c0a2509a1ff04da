import Link from "next/link";
import { LongText } from "../ui/LongText";
import { TableScroll } from "../ui/TableScroll";
import type { ViewCertificate, WhitelistRow } from "@/lib/whitelist/view-types";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolments/status";
import { GATEWAY_CERTIFICATE_LABELS } from "@/lib/enrolments/enforcement";
import { CERTIFICATE_VALIDITY_LABELS } from "@/lib/whitelist/from-enrolment";
import { ENVIRONMENT_LABELS } from "@/lib/whitelist/view-query";
import { formatDate } from "@/lib/time";
import { formatSiret } from "@/lib/organizations/formatting";

const validityStyle: Record<ViewCertificate["validity"], string> = {
  valid: "",
  not_yet_valid: "font-medium",
  expiring_soon: "font-bold text-warning",
  expired: "font-bold text-error",
};

export function CertificateList({ certificates }: { certificates: ViewCertificate[] }) {
  if (certificates.length === 0) return <span>Aucun certificat</span>;
  return (
    <ul className="space-y-2">
      {certificates.map((c) => (
        <li key={c.fingerprintSha256} className="text-sm">
          <span className="block">
            <LongText text={c.subjectDn} />
          </span>
          <span className="block font-mono text-xs break-all">SHA-256 {c.fingerprintSha256}</span>
          <span className="block">
            Du {formatDate(c.notBefore)} au {formatDate(c.notAfter)} —{" "}
            {c.gatewayState === "revoked" ? (
              <span className="font-bold text-error">{GATEWAY_CERTIFICATE_LABELS.revoked} (liste de révocation de l&apos;autorité)</span>
            ) : (
              <span className={validityStyle[c.validity]}>{CERTIFICATE_VALIDITY_LABELS[c.validity]}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The whitelist: one row per enrolment and environment. `detailHref` links each row (omitted for editors). */
export function WhitelistTable({ rows, caption, detailHref }: { rows: WhitelistRow[]; caption: string; detailHref?: (enrolmentId: string) => string }) {
  return (
    <TableScroll label={caption} className="mt-4">
      <table className="w-full border-collapse text-left align-top">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-neutral-800">
            <th scope="col" className="py-2 pr-4">Organisation et service</th>
            <th scope="col" className="py-2 pr-4">Environnement et URL</th>
            <th scope="col" className="py-2 pr-4">Certificats</th>
            <th scope="col" className="py-2 pr-4">Profil</th>
            <th scope="col" className="py-2 pr-4">Quotas (appels par seconde)</th>
            <th scope="col" className="py-2">Statut</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.enrolmentId}-${r.environment}`} className={`border-b border-neutral-300 align-top ${r.expiringSoon ? "border-l-4 border-l-warning bg-warning-light" : ""}`}>
              <td className="py-2 pr-4">
                <span className="block">{r.organisation.name}</span>
                <span className="block text-sm">SIRET {formatSiret(r.organisation.siret)}</span>
                {detailHref ? (
                  <Link href={detailHref(r.enrolmentId)} className="font-bold">
                    {r.service.name}
                    <span className="sr-only"> ({ENVIRONMENT_LABELS[r.environment]})</span>
                  </Link>
                ) : (
                  <span className="block font-bold">{r.service.name}</span>
                )}
              </td>
              <td className="py-2 pr-4">
                <span className="block font-medium">{ENVIRONMENT_LABELS[r.environment]}</span>
                <ul className="text-sm break-all">
                  {r.urls.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </td>
              <td className="py-2 pr-4">
                <CertificateList certificates={r.certificates} />
              </td>
              <td className="py-2 pr-4">{r.profile.label}</td>
              <td className="py-2 pr-4 whitespace-nowrap">
                <span className="block">Authentifiées : {r.quotas.authenticatedPerSecond}</span>
                <span className="block">Publiques : {r.quotas.publicPerSecond}</span>
              </td>
              <td className="py-2">
                {r.status !== "ACTIVE" ? <span className="block">{ENROLMENT_STATUS_LABELS[r.status]}</span> : null}
                <span className={`block ${r.gateway.enforced ? "" : "font-bold"}`}>{r.gateway.label}</span>
                {r.expiringSoon ? <span className="block text-sm font-bold">Expire bientôt</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
