import type { CertificateFacts } from "@/lib/certificates/certificate-facts";
import { extendedKeyUsageLabel, KEY_USAGE_LABELS } from "@/lib/certificates/certificate-usages";
import { daysLeftLabel } from "@/lib/time";
import { LongText } from "../ui/LongText";

export type CertificateFactsView = CertificateFacts & { notBeforeLabel: string; notAfterLabel: string; daysLeft: number };

function keyDescription(facts: CertificateFacts): string {
  const { algorithm, bits, curve } = facts.publicKey;
  if (curve) return `${algorithm} ${curve}${bits ? ` (${bits} bits)` : ""}`;
  return bits ? `${algorithm} ${bits} bits` : algorithm;
}


/** The facts an editor or reviewer needs to recognise a certificate, in French. */
export function CertificateFactsList({ facts }: { facts: CertificateFactsView }) {
  const rows: [string, string][] = [
    ["Sujet", facts.subjectDn],
    ["Émetteur", facts.issuerDn],
    ["Numéro de série", facts.serialNumber],
    ["Empreinte SHA-256", facts.fingerprintSha256],
    ["Valide du", facts.notBeforeLabel],
    ["Valide jusqu'au", `${facts.notAfterLabel} (${daysLeftLabel(facts.daysLeft)})`],
    ["Clé publique", keyDescription(facts)],
    ["Usages de la clé", facts.keyUsage.map((u) => KEY_USAGE_LABELS[u]).join(", ") || "aucun"],
    ["Usages étendus", facts.extendedKeyUsage.map(extendedKeyUsageLabel).join(", ") || "aucun"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="min-w-0">
            <LongText text={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
